using QualityGate.Data;
using QualityGate.Scoring;

namespace QualityGate.Tests.Support;

/// <summary>Scored sets built from arrays, for metric tests that need no model.</summary>
internal static class SyntheticSets
{
    public static ScoredSet From(IReadOnlyList<double> scores, IReadOnlyList<int> labels, string name = "heldout")
    {
        var file = new DataFile("/synthetic.csv", "synthetic.csv", ',', ["Label", "x"]);
        var ids = Enumerable.Range(0, scores.Count).ToDictionary(i => i, i => $"row{i:D4}");
        return new ScoredSet(name, file, [.. scores], [.. labels.Select(l => l == 1)], ids);
    }
}
