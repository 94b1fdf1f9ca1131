using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Mining;

namespace QualityGate.Verbs;

/// <summary><c>qgate mine</c>: add the hardest new examples of the held-out set and the feedback to the suite; a missing baseline is no error.</summary>
public static class Mine
{
    public static GateResult Run(GateConfig config, Action<string>? progress = null, TimeProvider? clock = null)
    {
        var inputs = RunInputs.Open(config, BaselineUse.IfPresent);
        var harvest = new Harvest(inputs);
        var evaluation = Pipeline.Evaluate(inputs, progress, harvest);
        var decisions = Decisions.Decide(evaluation);
        return Pipeline.Result(evaluation, decisions, harvest.Mine(evaluation, progress, clock));
    }
}
