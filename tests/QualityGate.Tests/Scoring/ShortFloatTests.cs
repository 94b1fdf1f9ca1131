using System.Globalization;
using CsCheck;
using QualityGate.Scoring.FastPath;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// The fast pass reads most features through <see cref="ShortFloat"/>: a float it gives that
/// differs from the runtime's correctly rounded parse by one bit changes a score, an id and the
/// content of a mined item, so every float it gives must be the runtime's, bit for bit.
/// </summary>
public sealed class ShortFloatTests
{
    private static void SameAsRuntime(string text)
    {
        if (ShortFloat.TryParse(text, out var fast))
        {
            var runtime = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.SingleToInt32Bits(runtime) == BitConverter.SingleToInt32Bits(fast), $"'{text}': {fast:R} against the runtime's {runtime:R}");
        }
    }

    [Fact]
    public void Every_float_it_gives_is_the_runtimes_bit_for_bit()
    {
        // Mantissas on both sides of 2^24 and up to eleven decimals (one past what it takes),
        // with leading zeros and signs: the halfway cases a second rounding would get wrong lie here.
        Gen.Select(Gen.Long[0, 40_000_000], Gen.Int[0, 11], Gen.Int[0, 3], Gen.Bool)
            .Sample((mantissa, decimals, zeros, negative) =>
            {
                var digits = new string('0', zeros) + mantissa.ToString(CultureInfo.InvariantCulture);
                digits = digits.PadLeft(decimals + 1, '0');
                var text = (negative ? "-" : string.Empty) + (decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..]);
                SameAsRuntime(text);
            }, iter: 300_000);

        // Any short text of the characters numbers are made of.
        Gen.String[Gen.Char["0123456789.-+eE "], 0, 12].Sample(SameAsRuntime, iter: 100_000);
    }

    [Theory]
    [InlineData("0.526")]
    [InlineData("-2.043")]
    [InlineData("17")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("16777216")]
    [InlineData("1.6777216")]
    [InlineData("0.00000001")]
    [InlineData("007.5")]
    public void The_common_forms_take_it(string text)
    {
        Assert.True(ShortFloat.TryParse(text, out var value));
        Assert.Equal(BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)), BitConverter.SingleToInt32Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("16777217")]
    [InlineData("1234567890")]
    [InlineData("0.12345678901")]
    [InlineData("0.0000000001")]
    [InlineData("1e5")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    public void Other_texts_are_left_to_the_full_parser(string text) =>
        Assert.False(ShortFloat.TryParse(text, out _));
}
