using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>
/// One data set after its single pass: a score and a label per row (the minimum that exact
/// ranking metrics need) and the ids of the rows the caller asked to identify.
/// </summary>
/// <param name="identify">Reads the ids of the given rows again, for rows whose ids the pass did not keep.</param>
public sealed class ScoredSet(string name, DataFile file, double[] scores, bool[] positive, IReadOnlyDictionary<int, string> ids, Func<IReadOnlySet<int>, IReadOnlyDictionary<int, string>>? identify = null)
{
    public string Name { get; } = name;

    public DataFile File { get; } = file;

    public IReadOnlyList<double> Scores { get; } = scores;

    public IReadOnlyList<bool> Positive { get; } = positive;

    /// <summary>Row index (0-based, header excluded) to the example's id.</summary>
    public IReadOnlyDictionary<int, string> Ids { get; } = ids;

    public int Count => scores.Length;

    /// <summary>The ids of the given rows: from those the pass kept, the rest by reading just those rows again (no scoring).</summary>
    public IReadOnlyDictionary<int, string> Identify(IReadOnlySet<int> rows)
    {
        var missing = rows.Where(r => !Ids.ContainsKey(r)).ToHashSet();
        var found = missing.Count == 0 || identify is null ? new Dictionary<int, string>() : identify(missing);
        return rows.Where(r => Ids.ContainsKey(r) || found.ContainsKey(r)).ToDictionary(r => r, r => Ids.TryGetValue(r, out var id) ? id : found[r]);
    }

    internal double[] ScoreArray => scores;

    internal bool[] PositiveArray => positive;
}
