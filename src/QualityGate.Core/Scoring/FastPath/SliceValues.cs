namespace QualityGate.Scoring.FastPath;

/// <summary>
/// A worker's slice values, one array per distinct combination of a row's slice fields, made once
/// and handed out again for every row with the same text: a slice column has few values, so a
/// million rows cost no string each. Looked up by the fields' text without making a string.
/// </summary>
internal sealed class SliceValues
{
    /// <summary>A row's slice fields the pass cannot read as the text reader would (a quote): the text pass reads the file's slices instead.</summary>
    public static readonly string[] Unreadable = [];

    /// <summary>
    /// More combinations than this on one worker, and the column is no segment (an id, a number):
    /// the pass stops reading slices and the text pass reports the column as the config error it is.
    /// </summary>
    private const int MaxCombinations = 10_000;

    private readonly Dictionary<string, string[]> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _byText;
    private char[] _key = new char[256];

    public SliceValues() => _byText = _known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The values of the row's fields at <paramref name="indexes"/>, as one shared array per combination.</summary>
    public string[] Of<TRow>(TRow row, int[] indexes)
        where TRow : IFieldRow, allows ref struct
    {
        // One column's key is its text; several columns' are each text after its length, so no
        // two combinations share a key whatever their values hold.
        var length = 0;
        foreach (var index in indexes)
        {
            var text = row.Text(index);
            if (text.Contains('"') || text.Length > char.MaxValue)
            {
                return Unreadable;
            }

            var needed = length + text.Length + 1;
            if (_key.Length < needed)
            {
                Array.Resize(ref _key, needed * 2);
            }

            if (indexes.Length > 1)
            {
                _key[length++] = (char)text.Length;
            }

            text.CopyTo(_key.AsSpan(length));
            length += text.Length;
        }

        var key = _key.AsSpan(0, length);
        if (_byText.TryGetValue(key, out var values))
        {
            return values;
        }

        if (_known.Count >= MaxCombinations)
        {
            return Unreadable;
        }

        values = Split(key, indexes.Length);
        _known[key.ToString()] = values;
        return values;
    }

    private static string[] Split(ReadOnlySpan<char> key, int columns)
    {
        if (columns == 1)
        {
            return [key.ToString()];
        }

        var values = new string[columns];
        for (var c = 0; c < columns; c++)
        {
            var length = key[0];
            values[c] = key.Slice(1, length).ToString();
            key = key[(1 + length)..];
        }

        return values;
    }
}
