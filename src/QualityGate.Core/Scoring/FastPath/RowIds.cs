using System.Diagnostics.CodeAnalysis;
using QualityGate.Identity;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// The ids of the rows a pass was asked to identify, kept as 128-bit hashes (or an id column's
/// text) and formatted only when read: a million identified rows cost 16 MB, not a million strings.
/// </summary>
internal sealed class RowIds(UInt128[] hashes, string?[]? texts, int[] rows) : IReadOnlyDictionary<int, string>
{
    public int Count => rows.Length;

    public string this[int key] => TryGetValue(key, out var id) ? id : throw new KeyNotFoundException($"Row {key} was not identified.");

    public IEnumerable<int> Keys => rows;

    public IEnumerable<string> Values => rows.Select(Id);

    public bool ContainsKey(int key) => Array.BinarySearch(rows, key) >= 0;

    public bool TryGetValue(int key, [MaybeNullWhen(false)] out string value)
    {
        value = ContainsKey(key) ? Id(key) : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<int, string>> GetEnumerator() => rows.Select(row => KeyValuePair.Create(row, Id(row))).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private string Id(int row) => texts is not null ? texts[row]! : ExampleIdentity.Format(hashes[row]);
}
