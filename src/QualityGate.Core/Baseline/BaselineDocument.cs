using QualityGate.Metrics;

namespace QualityGate.Baseline;

/// <summary>
/// The blessed model's lock file: the operating point it was blessed at, its metrics, the
/// hashes that say what it was blessed on, and its per-example outcomes, kept compactly as ids
/// (only the examples it got wrong or that were in its region), enough for paired comparisons.
/// </summary>
public sealed record BaselineDocument(
    string? ModelPath,
    string? ModelSha256,
    string HeldoutSha256,
    string? SuiteSha256,
    string SettingsHash,
    double Threshold,
    string ThresholdSource,
    double RegionLow,
    double RegionHigh,
    IReadOnlyList<BaselineMetric> Metrics,
    HeldoutOutcomes Heldout,
    SuiteOutcomes? Suite,
    IReadOnlyList<BaselineSlice>? Slices = null)
{
    public BaselineMetric? Find(string dataSet, string metric) =>
        Metrics.FirstOrDefault(m => m.DataSet == dataSet && m.Metric == metric);
}

/// <summary>A metric of the blessed model, with its counts when it is a rate.</summary>
public sealed record BaselineMetric(string DataSet, string Metric, double Value, long? K, long? N);

/// <summary>The blessed model on the held-out set: row counts and the rows it got wrong or had in its region.</summary>
public sealed record HeldoutOutcomes(long Rows, long Negatives, long Positives, RowOutcomes Outcomes);

/// <summary>The blessed model on the suite: the active items it was scored on, the ones it got wrong, the ones in its region.</summary>
/// <param name="Fingerprints">Each item's class and score when mined, hashed, in the order of <paramref name="Items"/>; null in baselines blessed before they were recorded.</param>
public sealed record SuiteOutcomes(IReadOnlyList<string> Items, IReadOnlyList<string> Wrong, IReadOnlyList<string> InRegion, IReadOnlyList<string>? Fingerprints = null);

/// <summary>
/// A slice the blessed model was evaluated on, so a later run reports slices that disappeared or
/// appeared. Its metrics are among the baseline's metrics under the slice's label
/// (<c>heldout[provider=gmail]</c>); its examples' outcomes are among the per-example ids.
/// </summary>
public sealed record BaselineSlice(string DataSet, string Name, long Rows);
