using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Mining;
using QualityGate.Regression;

namespace QualityGate.Gate;

/// <summary>The whole outcome of a gate run: what every surface (console, JSON, MSBuild, reports) renders.</summary>
public sealed record GateResult(
    GateConfig Config,
    ModelInfo Model,
    OperatingPoint OperatingPoint,
    IReadOnlyList<SetEvaluation> Sets,
    IReadOnlyList<LimitOutcome> Limits,
    IReadOnlyList<RegressionOutcome> Regression,
    SuiteReport? Suite,
    string? BaselinePath,
    IReadOnlyList<string> Warnings,
    Explain.Explanation? Explanation = null)
{
    /// <summary>Every slice of every sliced data set, when the config has <c>slices</c>.</summary>
    public IReadOnlyList<Slices.SliceResult> Slices { get; init; } = [];

    public Verdict Verdict => Verdicts.Combine(Limits.Select(l => l.Verdict).Concat(Regression.Select(r => r.Verdict))) ?? Verdict.Passed;

    /// <summary>The verdict of the limits and checks on one data set or slice (<c>heldout[provider=gmail]</c>); null when none names it.</summary>
    public Verdict? VerdictOf(string dataSet) =>
        Verdicts.Combine(Limits.Where(l => l.Limit.DataSet == dataSet).Select(l => l.Verdict).Concat(Regression.Where(r => r.Limit.DataSet == dataSet).Select(r => r.Verdict)));

    /// <summary>Inconclusive checks fail the gate only when the config says <c>inconclusive: fail</c>.</summary>
    public int ExitCode => Verdict switch
    {
        Verdict.Failed => ExitCodes.GateFailed,
        Verdict.Inconclusive when Config.Statistics.Inconclusive == InconclusivePolicy.Fail => ExitCodes.GateFailed,
        _ => ExitCodes.Passed,
    };
}

/// <summary>What was scored: its kind, file and content hash, and the score column read.</summary>
public sealed record ModelInfo(string Kind, string? DisplayPath, string? Sha256, string Loading, string ScoreColumn, bool ScoresAreProbabilities)
{
    public static ModelInfo Of(GateConfig config, Scoring.IModelScorer scorer) => config.Model.Path is not { } path
        ? new ModelInfo("scores", null, null, scorer.Description, scorer.ScoreColumnName, scorer.ScoresAreProbabilities)
        : new ModelInfo(config.Model.Kind == ModelKind.Onnx ? "onnx" : "mlnet", config.Display(path), Baseline.ContentHash.OfFile(path), scorer.Description, scorer.ScoreColumnName, scorer.ScoresAreProbabilities);

    /// <summary>How suite items record the model that mined them.</summary>
    public string Tag => Sha256 is { } hash ? hash[..12] : "scores";
}

/// <summary>
/// The suite in this run: its size by status, the items the candidate fixes and breaks against
/// the baseline, what mining changed, and the file's hash before and after the run.
/// </summary>
public sealed record SuiteReport(
    string DisplayPath,
    IReadOnlyList<string> ActiveIds,
    int Quarantined,
    int Rejected,
    IReadOnlyList<ReportedItem> Fixed,
    IReadOnlyList<ReportedItem> Broken,
    MiningReport? Mining,
    IReadOnlyList<ReportedItem> Added,
    string? HashBefore,
    string? HashAfter)
{
    public int Active => ActiveIds.Count;

    /// <summary>Each active item's <see cref="Suite.SuiteItem.Fingerprint"/>, in the order of <see cref="ActiveIds"/>.</summary>
    public IReadOnlyList<string> ActiveFingerprints { get; init; } = [];

    /// <summary>
    /// Items worth pinning: mistakes of the model that mined them (by their score when mined) that
    /// this model gets clearly right (outside the threshold region). Proposed, never pinned by qgate.
    /// </summary>
    public IReadOnlyList<string> PinProposals { get; init; } = [];
}

/// <summary>
/// A suite item as reports show it: fixed or broken against the baseline (with the candidate's
/// score), or added by mining (with the score when mined), and its most telling feature values.
/// </summary>
public sealed record ReportedItem(string Id, bool Positive, double Score, string Status, string Source, string Reason, IReadOnlyList<Suite.FeatureValue> Features);
