using QualityGate.Configuration;
using QualityGate.Metrics;
using QualityGate.Slices;
using QualityGate.Suite;

namespace QualityGate.Gate;

/// <summary>
/// What a run's result is made of from its evaluation: everything but the scored rows. A verb that
/// hands this on, and not the evaluation, lets those rows go before the result is built.
/// </summary>
public sealed record EvaluationSummary(
    RunInputs Inputs,
    ScoredSuite? Suite,
    OperatingPoint Point,
    IReadOnlyList<SetEvaluation> Sets,
    SliceEvaluator.Outcome? Slices,
    ModelInfo Model)
{
    public GateConfig Config => Inputs.Config;

    /// <summary>The held-out rows the metrics counted.</summary>
    public long HeldoutRows => Sets[0].Confusion.Total;
}
