using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>
/// One data set after its single pass: a score and a label per row (the minimum that exact
/// ranking metrics need) and the ids of the rows the caller asked to identify.
/// </summary>
public sealed class ScoredSet(string name, DataFile file, double[] scores, bool[] positive, IReadOnlyDictionary<int, string> ids)
{
    public string Name { get; } = name;

    public DataFile File { get; } = file;

    public IReadOnlyList<double> Scores { get; } = scores;

    public IReadOnlyList<bool> Positive { get; } = positive;

    /// <summary>Row index (0-based, header excluded) to the example's id.</summary>
    public IReadOnlyDictionary<int, string> Ids { get; } = ids;

    public int Count => scores.Length;

    internal double[] ScoreArray => scores;

    internal bool[] PositiveArray => positive;
}
