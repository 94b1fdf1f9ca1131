using QualityGate.Configuration;
using QualityGate.Metrics;

namespace QualityGate.Gate;

/// <summary>
/// How one limit was decided: the metric with its bounds, the evidence mode, the value the
/// decision used, the verdict and a sentence that explains it. <see cref="Needed"/> is the number
/// of examples that would make an inconclusive (or undemonstrated) limit decidable.
/// </summary>
public sealed record LimitOutcome(
    LimitSettings Limit,
    Evidence Evidence,
    int MinCount,
    MetricValue? Value,
    double? DecidedOn,
    Verdict Verdict,
    string Message,
    long? Needed)
{
    /// <summary>
    /// The p-value of the bound-based decision (under <c>significant</c>, of "within the limit";
    /// under <c>demonstrated</c>, of "past the limit"); null for point, count and undecided limits.
    /// </summary>
    public double? PValue { get; init; }

    /// <summary>The p-value after the run's family-wise correction; the verdict rests on it.</summary>
    public double? AdjustedPValue { get; init; }
}
