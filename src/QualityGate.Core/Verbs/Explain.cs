using QualityGate.Configuration;
using QualityGate.Explain;
using QualityGate.Gate;

namespace QualityGate.Verbs;

/// <summary><c>qgate explain</c>: which features make hard negatives look positive, and which decide the close calls.</summary>
public static class Explain
{
    public static GateResult Run(GateConfig config, Action<string>? progress = null)
    {
        var inputs = RunInputs.Open(config, BaselineUse.IfPresent);
        var evaluation = Pipeline.Evaluate(inputs, progress);
        Pipeline.WarnOfEmptySuite(evaluation);
        var decisions = Decisions.Decide(evaluation);
        var numericInputs = inputs.Scorer.HasModel ? evaluation.HeldoutColumns!.NumericInputs ?? [] : null;
        var explanation = Explainer.Explain(config, inputs.Scorer, numericInputs, inputs.Labels, evaluation.Heldout, evaluation.Suite, evaluation.Point, progress);
        return Pipeline.Result(evaluation.Summary, decisions, explanation: explanation);
    }
}
