using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Mining;

namespace QualityGate.Verbs;

/// <summary><c>qgate check</c>: evaluate the model and decide every limit and every check against the baseline.</summary>
public static class Check
{
    /// <param name="updateSuite">Also mine this model's mistakes into the suite, after deciding (the decisions use the suite as it was).</param>
    public static GateResult Run(GateConfig config, Action<string>? progress = null, bool updateSuite = false, TimeProvider? clock = null)
    {
        var inputs = RunInputs.Open(config, BaselineUse.Compare);
        return Pipeline.DecideAndMine(inputs, progress, updateSuite ? new Harvest(inputs) : null, clock);
    }
}
