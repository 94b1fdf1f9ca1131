using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Metrics;

namespace QualityGate.Gate;

/// <summary>The whole outcome of a gate run: what every surface (console, JSON, MSBuild, reports) renders.</summary>
public sealed record GateResult(
    GateConfig Config,
    ModelInfo Model,
    OperatingPoint OperatingPoint,
    IReadOnlyList<SetEvaluation> Sets,
    IReadOnlyList<LimitOutcome> Limits,
    IReadOnlyList<string> Warnings)
{
    public Verdict Verdict =>
        Limits.Any(l => l.Verdict == Verdict.Failed) ? Verdict.Failed
        : Limits.Any(l => l.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive
        : Verdict.Passed;

    /// <summary>Inconclusive limits fail the gate only when the config says <c>inconclusive: fail</c>.</summary>
    public int ExitCode => Verdict switch
    {
        Verdict.Failed => ExitCodes.GateFailed,
        Verdict.Inconclusive when Config.Statistics.Inconclusive == InconclusivePolicy.Fail => ExitCodes.GateFailed,
        _ => ExitCodes.Passed,
    };
}

/// <summary>What was scored: its kind, file and content hash, and the score column read.</summary>
public sealed record ModelInfo(string Kind, string? DisplayPath, string? Sha256, string Loading, string ScoreColumn, bool ScoresAreProbabilities);
