namespace QualityGate.Errors;

public static class VisibleText
{
    /// <summary>
    /// Text from data as every surface shows it: a control character (ESC, NUL, …) becomes its
    /// Unicode control picture (␛, ␀), so an escape sequence cannot act on a terminal, break an
    /// XML report or hide in a page. Tabs and line breaks stay.
    /// </summary>
    public static string Of(string text)
    {
        if (!text.Any(IsHidden))
        {
            return text;
        }

        return string.Concat(text.Select(c => !IsHidden(c) ? c : c < 0x20 ? (char)(0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD'));
    }

    private static bool IsHidden(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');
}
