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
        return Pipeline.DecideAndMine(inputs, progress, new Harvest(inputs), clock);
    }
}
