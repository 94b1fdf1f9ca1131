using QualityGate.Data;
using QualityGate.Identity;

namespace QualityGate.Scoring;

/// <summary>
/// One data set after its single pass: a score and a label per row (the minimum that exact
/// ranking metrics need) and the ids of the rows the caller asked to identify.
/// </summary>
/// <param name="scores">
/// The rows' scores; their count is the set's. A pass fills arrays sized by its estimate of the
/// rows, and keeps them rather than copying a million rows to trim them.
/// </param>
public sealed class ScoredSet(string name, DataFile file, Scores scores, bool[] positive, IReadOnlyDictionary<int, string> ids)
{
    public ScoredSet(string name, DataFile file, double[] scores, bool[] positive, IReadOnlyDictionary<int, string> ids)
        : this(name, file, new Scores(scores), positive, ids)
    {
    }

    public string Name { get; } = name;

    public DataFile File { get; } = file;

    /// <summary>Each row's score; held as floats when every one is a single-precision number.</summary>
    public Scores Scores { get; } = scores;

    public IReadOnlyList<bool> Positive { get; } = new ArraySegment<bool>(positive, 0, scores.Count);

    /// <summary>Row index (0-based, header excluded) to the example's id.</summary>
    public IReadOnlyDictionary<int, string> Ids { get; } = ids;

    public int Count => Scores.Count;

    /// <summary>The set without the rows of these ids (renumbered), for metrics that must not count them; every row needs its id.</summary>
    public ScoredSet Without(IReadOnlySet<string> excluded, out int removed)
    {
        removed = 0;
        if (excluded.Count == 0)
        {
            return this;
        }

        var kept = Enumerable.Range(0, Count).Where(row => !excluded.Contains(Ids[row])).ToArray();
        removed = Count - kept.Length;
        return removed == 0 ? this : Subset(kept);
    }

    /// <summary>These rows only, renumbered in the order given, with the ids the pass kept for them (read through this set's).</summary>
    public ScoredSet Subset(IReadOnlyList<int> rows) =>
        new(Name, File, Scores.Subset(rows), [.. rows.Select(r => positive[r])], new SubsetIds(Ids, rows, Count));

    /// <summary>These rows' ids as a multiset; a fast pass's rows give theirs as the 128-bit values it kept.</summary>
    public ExampleIds IdsOf(IEnumerable<int> rows) => IdsOf(Ids, rows);

    private static ExampleIds IdsOf(IReadOnlyDictionary<int, string> ids, IEnumerable<int> rows) => ids switch
    {
        FastPath.RowIds kept => kept.IdsOf(rows),
        SubsetIds subset => IdsOf(subset.Whole, subset.InWhole(rows)),
        _ => ExampleIds.Of([.. rows.Select(row => ids[row])]),
    };

    /// <summary>The labels' array; only its first <see cref="Count"/> entries are rows.</summary>
    internal bool[] PositiveArray => positive;
}
