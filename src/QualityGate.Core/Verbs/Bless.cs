using QualityGate.Configuration;
using QualityGate.Gate;

namespace QualityGate.Verbs;

/// <summary>
/// The evaluation <c>qgate bless</c> records as the baseline: a fresh operating point from this
/// model's own scores, its limits decided (a model that breaks them is not blessed), no checks
/// against the baseline it replaces.
/// </summary>
public static class Bless
{
    public static GateResult Evaluate(GateConfig config, Action<string>? progress = null)
    {
        var evaluation = Pipeline.Evaluate(RunInputs.Open(config, BaselineUse.Ignore), progress);
        Pipeline.WarnOfEmptySuite(evaluation);
        return Pipeline.Result(evaluation.Summary, Decisions.Decide(evaluation));
    }
}
