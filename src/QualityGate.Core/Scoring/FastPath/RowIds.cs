using System.Diagnostics.CodeAnalysis;
using QualityGate.Identity;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// The ids a pass kept, as 128-bit hashes (or an id column's text), formatted only when read: a
/// million identified rows cost 16 MB, not a million strings. The pass keeps an id for every
/// row it was asked to identify and every row mining wants; a row without one is no key here.
/// </summary>
/// <param name="hashes">The kept hash ids in row order (unused when <paramref name="texts"/> holds the ids).</param>
/// <param name="keptRows">The rows whose ids are kept, ascending, one per id; null when every row's is.</param>
/// <param name="rows">The identified rows in ascending order; null when every row is.</param>
internal sealed class RowIds(UInt128[] hashes, string?[]? texts, int[]? keptRows, int[]? rows, int count) : IReadOnlyDictionary<int, string>
{
    public int Count => rows?.Length ?? count;

    public string this[int key] => TryGetValue(key, out var id) ? id : throw new KeyNotFoundException($"Row {key} was not identified.");

    public IEnumerable<int> Keys => rows ?? Enumerable.Range(0, count);

    public IEnumerable<string> Values => Keys.Select(Id);

    public bool ContainsKey(int key) => rows is null ? key >= 0 && key < count : Array.BinarySearch(rows, key) >= 0;

    public bool TryGetValue(int key, [MaybeNullWhen(false)] out string value)
    {
        value = ContainsKey(key) ? Id(key) : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<int, string>> GetEnumerator() => Keys.Select(row => KeyValuePair.Create(row, Id(row))).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>These rows' ids as a multiset: the hashes as they are kept, no text made; an id column's text as text.</summary>
    public ExampleIds IdsOf(IEnumerable<int> rows) =>
        texts is null ? ExampleIds.OfHashes([.. rows.Select(row => hashes[Slot(row)])]) : ExampleIds.Of([.. rows.Select(row => texts[Slot(row)]!)]);

    /// <summary>
    /// The id of a row mining wants, identified or not (the pass kept one for each such row), as
    /// characters: an id column's text, or a hash's digits written into <paramref name="digits"/>,
    /// so a row mining turns away costs no string.
    /// </summary>
    public ReadOnlySpan<char> OfAnyRow(int row, Span<char> digits)
    {
        if (texts is not null)
        {
            return texts[Slot(row)];
        }

        ExampleIdentity.Format(hashes[Slot(row)], digits);
        return digits[..ExampleIdentity.Digits];
    }

    /// <summary>A row's id as characters when it has one: a pass's written into <paramref name="digits"/>, another table's as its text.</summary>
    public static bool TryGetId(IReadOnlyDictionary<int, string> ids, int row, Span<char> digits, out ReadOnlySpan<char> id)
    {
        if (ids is RowIds pass)
        {
            var has = pass.ContainsKey(row);
            id = has ? pass.OfAnyRow(row, digits) : default;
            return has;
        }

        var found = ids.TryGetValue(row, out var text);
        id = text;
        return found;
    }

    private string Id(int row) => texts is not null ? texts[Slot(row)]! : ExampleIdentity.Format(hashes[Slot(row)]);

    private int Slot(int row)
    {
        if (keptRows is null)
        {
            return row;
        }

        var slot = Array.BinarySearch(keptRows, row);
        return slot >= 0 ? slot : throw new KeyNotFoundException($"Row {row} has no id: the pass kept none for it.");
    }
}
