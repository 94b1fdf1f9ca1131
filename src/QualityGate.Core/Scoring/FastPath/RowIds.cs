using System.Diagnostics.CodeAnalysis;
using QualityGate.Identity;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// The ids of the rows a pass was asked to identify, kept as 128-bit hashes (or an id column's
/// text) and formatted only when read: a million identified rows cost 16 MB, not a million strings.
/// </summary>
/// <param name="rows">The identified rows in ascending order; null when every row is.</param>
internal sealed class RowIds(UInt128[] hashes, string?[]? texts, int[]? rows, int count) : IReadOnlyDictionary<int, string>
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
        texts is null ? ExampleIds.OfHashes([.. rows.Select(row => hashes[row])]) : ExampleIds.Of([.. rows.Select(row => texts[row]!)]);

    /// <summary>Any row's id, identified or not, for mining: every row's hash is kept, and an id column's text for the rows mining wants.</summary>
    public string OfAnyRow(int row) => Id(row);

    private string Id(int row) => texts is not null ? texts[row]! : ExampleIdentity.Format(hashes[row]);
}
