using System.Text.Json.Serialization;

namespace QualityGate.Results;

/// <summary>One scored data set: its confusion at the operating point and in the region, every metric, curves, histogram and the ids it got wrong.</summary>
public sealed record DataSetSection(
    string Name,
    string Path,
    ConfusionSection Confusion,
    ConfusionSection RegionConfusion,
    IReadOnlyDictionary<string, MetricCell> Metrics,
    CurvesSection Curves,
    HistogramSection Histogram,
    ExamplesSection Examples)
{
    public MetricCell? Metric(string name) => Metrics.GetValueOrDefault(name);
}

public sealed record ConfusionSection(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    [JsonIgnore]
    public long Positives => TruePositives + FalseNegatives;

    [JsonIgnore]
    public long Negatives => FalsePositives + TrueNegatives;

    [JsonIgnore]
    public long Total => Positives + Negatives;
}

public sealed record CurvesSection(IReadOnlyList<RocPoint> Roc, IReadOnlyList<PrecisionRecallPoint> PrecisionRecall);

public sealed record RocPoint(double? Fpr, double? Tpr, double? Threshold);

public sealed record PrecisionRecallPoint(double? Recall, double? Precision, double? Threshold);

/// <summary>Per-class counts over equal-width score bins from <see cref="Low"/> to <see cref="High"/>.</summary>
public sealed record HistogramSection(double Low, double High, IReadOnlyList<long> Positives, IReadOnlyList<long> Negatives);

/// <summary>The ids of a set's wrong and in-region examples; hash ids are written without a string each (<see cref="ExampleIdListConverter"/>).</summary>
public sealed record ExamplesSection(
    [property: JsonConverter(typeof(ExampleIdListConverter))] IReadOnlyList<string> Wrong,
    [property: JsonConverter(typeof(ExampleIdListConverter))] IReadOnlyList<string> InRegion);
