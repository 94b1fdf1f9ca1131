using QualityGate.Identity;

namespace QualityGate.Metrics;

/// <summary>Everything measured on one data set at the operating point.</summary>
public sealed record SetEvaluation(
    string Name,
    string DisplayPath,
    ConfusionCounts Confusion,
    ConfusionCounts Region,
    IReadOnlyList<MetricValue> Metrics,
    Curves Curves,
    ScoreHistogram Histogram,
    RowOutcomes Outcomes)
{
    /// <summary>Ids of the examples the model got wrong, each once, sorted.</summary>
    public ExampleIds WrongIds => Outcomes.FalsePositives.Union(Outcomes.FalseNegatives);

    /// <summary>Ids of the examples in the threshold region, each once, sorted.</summary>
    public ExampleIds RegionIds => Outcomes.RegionNegatives.Union(Outcomes.RegionPositives);

    public MetricValue? Find(Configuration.MetricName metric) => Metrics.FirstOrDefault(m => m.Metric == metric);
}

/// <summary>A point of a curve and the threshold that produces it.</summary>
public readonly record struct CurvePoint(double X, double Y, double Threshold);

/// <summary>ROC (x = FPR, y = TPR) and precision-recall (x = recall, y = precision) points for plots.</summary>
public sealed record Curves(IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall);

/// <summary>Score counts per class over equal-width bins from <see cref="Low"/> to <see cref="High"/>.</summary>
public sealed record ScoreHistogram(double Low, double High, IReadOnlyList<long> Positives, IReadOnlyList<long> Negatives);

/// <summary>
/// Per-row outcomes by example id, sorted, one entry per row: an id repeats when the data
/// holds duplicate rows, so paired comparisons count rows exactly as the metrics do.
/// </summary>
public sealed record RowOutcomes(
    ExampleIds FalsePositives,
    ExampleIds FalseNegatives,
    ExampleIds RegionNegatives,
    ExampleIds RegionPositives);
