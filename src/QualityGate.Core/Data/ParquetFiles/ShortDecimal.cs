using System.Buffers.Text;

namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// Formats a double that is a short decimal (a few digits after the point, as data written from
/// text or rounded by a pipeline mostly is) in a tenth of the time <see cref="double.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
/// takes, to the same bytes: at 100 ns a number, formatting was nine tenths of reading a Parquet
/// file of doubles as text. Any other double is left to the runtime's shortest round-trip form.
/// </summary>
internal static class ShortDecimal
{
    // Values with at most four decimals are 10^-4 apart or more; below 2^50 / 10^4 an ulp is
    // under a quarter of that, so one decimal of at most four places reads back as the value.
    private const double Scale = 10_000;

    private const int ScaleDecimals = 4;

    private const double Largest = 1L << 50;

    // From 10^15 up the runtime writes an exponent; with at most four decimals a non-zero value is
    // at least 0.0001, which it writes without one.
    private const double WrittenWithExponent = 1e15;

    /// <summary>
    /// Writes <paramref name="value"/> as the runtime's shortest round-trip text when it is m / 10^k
    /// for an integer m and k of at most four; false (nothing written) otherwise.
    /// </summary>
    public static bool TryFormat(double value, Span<byte> output, out int written)
    {
        written = 0;
        if (value == 0 || !(Math.Abs(value) < WrittenWithExponent))
        {
            // Zero has a sign the runtime writes ("-0"): left to it, with NaN, the infinities and
            // the values it writes with an exponent.
            return false;
        }

        // Division by 10^4 is correctly rounded, as reading decimal text is: equal means the text
        // m / 10^4 reads back as exactly this value. One scale and one division, whatever the
        // decimals: a value with fewer than four is the same m / 10^4 with trailing zeros.
        var scaled = Math.Round(value * Scale);
        if (!(Math.Abs(scaled) < Largest) || scaled / Scale != value)
        {
            return false;
        }

        var digits = (long)Math.Abs(scaled);
        var decimals = ScaleDecimals;
        while (decimals > 0 && digits % 10 == 0)
        {
            (digits, decimals) = (digits / 10, decimals - 1);
        }

        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(digits, text, out var length);
        text = text[..length];

        // The digits with the point k places from the right, "0." and zeros before them when they are fewer.
        var wholeDigits = Math.Max(length - decimals, 0);
        var needed = (value < 0 ? 1 : 0) + Math.Max(wholeDigits, 1) + (decimals > 0 ? 1 + decimals : 0);
        if (output.Length < needed)
        {
            return false;
        }

        if (value < 0)
        {
            output[written++] = (byte)'-';
        }

        if (wholeDigits == 0)
        {
            output[written++] = (byte)'0';
        }
        else
        {
            text[..wholeDigits].CopyTo(output[written..]);
            written += wholeDigits;
        }

        if (decimals > 0)
        {
            output[written++] = (byte)'.';
            for (var zero = length; zero < decimals; zero++)
            {
                output[written++] = (byte)'0';
            }

            text[wholeDigits..].CopyTo(output[written..]);
            written += length - wholeDigits;
        }

        return true;
    }
}
