namespace QualityGate.Scoring.FastPath;

/// <summary>
/// Parses the form most feature columns are written in (a minus, digits, a point and up to ten
/// decimals: "0.526", "-2.043", "17") to the float a correctly rounded parser gives, and declines
/// every other text, which the caller parses in full. It takes only digits that make an integer
/// of at most 2^24 without the point (eight digits or fewer), and ten to the decimals is at most 10^10;
/// both are floats exactly, so one division in float, itself correctly rounded, is the correctly
/// rounded value (Clinger, "How to read floating point numbers accurately", 1990): the number
/// .NET's parser, csFastFloat and ML.NET's loader give. Numbers are a third of the pass's time;
/// this form takes a fraction of a general parser's, which handles exponents, long mantissas,
/// whitespace and other cultures first.
/// </summary>
internal static class ShortFloat
{
    /// <summary>The largest integer below which every integer is a float exactly.</summary>
    private const uint ExactIntegers = 1 << 24;

    private static readonly float[] PowersOfTen = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var anyDigit = false;
        var significant = 0;
        var decimals = -1;
        var mantissa = 0u;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                // Leading zeros add nothing; nine significant digits cannot overflow, and more are
                // declined, as are mantissas past 2^24 below.
                anyDigit = true;
                if ((mantissa != 0 || digit != 0) && ++significant > 9)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
                decimals += decimals >= 0 ? 1 : 0;
            }
            else if (text[i] == '.' && decimals < 0 && anyDigit)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }

        // No digits, a point with no digit after it, or past what a float holds exactly: the full parser's.
        if (!anyDigit || decimals == 0 || mantissa > ExactIntegers || decimals >= PowersOfTen.Length)
        {
            return false;
        }

        var magnitude = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
