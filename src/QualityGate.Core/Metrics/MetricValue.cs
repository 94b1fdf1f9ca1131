using QualityGate.Configuration;
using QualityGate.Statistics;

namespace QualityGate.Metrics;

/// <summary>
/// One metric of one data set: the estimate, its counts where it is a rate (k of n), its
/// confidence bounds and how they were computed. <see cref="Unavailable"/> says why a metric
/// could not be computed (no positives, scores that are not probabilities, …).
/// </summary>
public sealed record MetricValue(MetricName Metric, double Value, long? Successes, long? Trials, Bounds Bounds, string Method, string? Unavailable = null)
{
    /// <summary>The examples this metric is computed over, for minimum-count checks.</summary>
    public long SampleSize { get; init; }

    public bool IsCount => Method == "exact";

    /// <summary>The same bounds at another confidence, for the p-value of a decision; null where the metric has no bounds.</summary>
    public Func<double, Bounds>? BoundsAt { get; init; }

    public bool IsProportion => Successes is not null;

    /// <summary>True for a rate over no examples at all (an empty region, no predicted positives): too few to decide, not an error.</summary>
    public bool EmptyDenominator { get; init; }

    public static MetricValue Rate(MetricName metric, long k, long n, StatisticsSettings statistics) =>
        n == 0
            ? Missing(metric, "no examples count towards it") with { EmptyDenominator = true, Successes = 0, Trials = 0 }
            : new MetricValue(metric, (double)k / n, k, n, ProportionBounds.For(statistics.IntervalMethod, k, n, statistics.Confidence), YamlMethodName(statistics.IntervalMethod))
            {
                SampleSize = n,
                BoundsAt = confidence => ProportionBounds.For(statistics.IntervalMethod, k, n, confidence),
            };

    public static MetricValue Count(MetricName metric, long count) =>
        new(metric, count, null, null, new Bounds(count, count), "exact") { SampleSize = count };

    public static MetricValue Missing(MetricName metric, string reason) =>
        new(metric, double.NaN, null, null, Bounds.Unknown, "none", reason);

    private static string YamlMethodName(IntervalMethod method) => method == IntervalMethod.ClopperPearson ? "clopper_pearson" : "wilson";
}
