using System.Diagnostics.CodeAnalysis;

namespace QualityGate.Scoring;

/// <summary>
/// The ids of a subset of a set's rows (a slice), read through the whole set's ids: no id is
/// copied or formatted to make the subset, so slicing a million identified rows costs an int
/// per row, not a string.
/// </summary>
/// <param name="rows">The subset's rows, by their row in the whole set.</param>
/// <param name="wholeCount">The whole set's rows: when each has an id, so does each of the subset's, and no list of them is made.</param>
internal sealed class SubsetIds(IReadOnlyDictionary<int, string> whole, IReadOnlyList<int> rows, int wholeCount) : IReadOnlyDictionary<int, string>
{
    // The subset's rows that have an id; null when every one has.
    private readonly int[]? _identified = whole.Count == wholeCount ? null : [.. Enumerable.Range(0, rows.Count).Where(row => whole.ContainsKey(rows[row]))];

    private IEnumerable<int> Identified => _identified ?? Enumerable.Range(0, rows.Count);

    public int Count => _identified?.Length ?? rows.Count;

    public string this[int key] => TryGetValue(key, out var id) ? id : throw new KeyNotFoundException($"Row {key} was not identified.");

    public IEnumerable<int> Keys => Identified;

    public IEnumerable<string> Values => Identified.Select(row => whole[rows[row]]);

    public bool ContainsKey(int key) => key >= 0 && key < rows.Count && whole.ContainsKey(rows[key]);

    public bool TryGetValue(int key, [MaybeNullWhen(false)] out string value)
    {
        value = null;
        return key >= 0 && key < rows.Count && whole.TryGetValue(rows[key], out value);
    }

    /// <summary>The whole set's ids, which give the subset's (as 128-bit values where it keeps them so).</summary>
    public IReadOnlyDictionary<int, string> Whole => whole;

    /// <summary>Subset rows as the whole set's rows.</summary>
    public IEnumerable<int> InWhole(IEnumerable<int> subsetRows) => subsetRows.Select(row => rows[row]);

    public IEnumerator<KeyValuePair<int, string>> GetEnumerator() => Identified.Select(row => KeyValuePair.Create(row, whole[rows[row]])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
