using QualityGate.Scoring;

namespace QualityGate.Suite;

/// <summary>The suite as the candidate sees it: every item's current score, and the active items as a scored set for metrics.</summary>
/// <param name="Sha256">The hash of the exact bytes that were scored.</param>
public sealed record ScoredSuite(SuiteDocument Document, string DisplayPath, IReadOnlyDictionary<string, double> Scores, ScoredSet Active, string Sha256)
{
    public int Count(SuiteStatus status) => Document.Items.Count(i => i.Status == status);
}
