using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Statistics;

namespace QualityGate.Regression;

/// <summary>
/// How one check against the baseline was decided. <see cref="Basis"/> says how the two models
/// were compared: <c>paired</c> (the same examples, outcome by outcome), <c>baseline value</c>
/// (the candidate's bounds against the blessed value) or <c>count</c> (exact).
/// </summary>
public sealed record RegressionOutcome(
    RegressionLimitSettings Limit,
    Evidence Evidence,
    string Basis,
    double? Baseline,
    double? Candidate,
    double? Change,
    Bounds? ChangeBounds,
    double? Allowed,
    long? Compared,
    long? Regressed,
    long? Fixed,
    double? McNemarPValue,
    double? HolmPValue,
    Verdict Verdict,
    string Message)
{
    /// <summary>The p-value of the margin test before the run's family-wise correction (<see cref="HolmPValue"/> is after it).</summary>
    public double? PValue { get; init; }
}
