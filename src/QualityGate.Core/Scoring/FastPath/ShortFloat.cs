namespace QualityGate.Scoring.FastPath;

/// <summary>
/// Parses the form most feature columns are written in (a minus, then at most ten characters of
/// digits and a point: "0.526", "-2.043", "17") to the float a correctly rounded parser gives, and
/// declines every other text, which the caller parses in full. It takes only digits that make an
/// integer of at most 2^24 without the point, and ten to the decimals is at most 10^9;
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

    /// <summary>The most characters after the sign: ten digits (or nine and the point) cannot overflow a ulong.</summary>
    private const int MaxLength = 10;

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > MaxLength)
        {
            return false;
        }

        // One test a character: a digit, or the one point. Longer texts (leading zeros past ten
        // characters, more digits) go to the full parser.
        var mantissa = 0UL;
        var point = -1;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = (uint)(digits[i] - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
            }
            else if (digits[i] == '.' && point < 0)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        // A point with no digit before or after it, or past what a float holds exactly: the full parser's.
        var decimals = point < 0 ? 0 : digits.Length - point - 1;
        if (point == 0 || (point > 0 && decimals == 0) || mantissa > ExactIntegers)
        {
            return false;
        }

        var magnitude = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
