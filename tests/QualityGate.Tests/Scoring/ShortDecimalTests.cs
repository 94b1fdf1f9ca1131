using System.Globalization;
using System.Text;
using CsCheck;
using QualityGate.Data.ParquetFiles;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// A Parquet double is gated as the text the runtime writes for it (the content hash, the ids and
/// the scores depend on those bytes), so the fast form for short decimals must write exactly the
/// runtime's bytes, or decline.
/// </summary>
public sealed class ShortDecimalTests
{
    private static void SameAsRuntime(double value)
    {
        var fast = new byte[64];
        var runtime = value.ToString(CultureInfo.InvariantCulture);
        if (ShortDecimal.TryFormat(value, fast, out var written))
        {
            Assert.Equal(runtime, Encoding.UTF8.GetString(fast, 0, written));
        }
    }

    [Fact]
    public void Short_decimals_are_written_as_the_runtime_writes_them_and_others_left_to_it()
    {
        // Values with up to six decimals (two more than the fast form takes), of every size
        // up past where the runtime turns to exponents.
        Gen.Select(Gen.Long[-2_000_000_000_000_000L, 2_000_000_000_000_000L], Gen.Int[0, 6], Gen.Int[0, 12])
            .Sample((digits, decimals, shift) => SameAsRuntime(digits / Math.Pow(10, decimals + shift)), iter: 200_000);

        // Any bits at all: NaN, infinities, subnormals, negative zero.
        Gen.Long.Sample(bits => SameAsRuntime(BitConverter.Int64BitsToDouble(bits)), iter: 100_000);
    }

    [Theory]
    [InlineData(0.526, "0.526")]
    [InlineData(-0.0001, "-0.0001")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1234.0, "1234")]
    [InlineData(0.1, "0.1")]
    [InlineData(99_999_999_999.9999, "99999999999.9999")]
    public void The_common_forms_take_the_fast_path(double value, string text)
    {
        var output = new byte[64];
        Assert.True(ShortDecimal.TryFormat(value, output, out var written));
        Assert.Equal(text, Encoding.UTF8.GetString(output, 0, written));
    }

    [Theory]
    [InlineData(1e15)]
    [InlineData(0.00001)]
    [InlineData(0.1 + 0.2)]
    [InlineData(-0.0)]
    [InlineData(double.NaN)]
    public void Exponents_long_fractions_and_signed_zero_are_left_to_the_runtime(double value) =>
        Assert.False(ShortDecimal.TryFormat(value, new byte[64], out _));
}
