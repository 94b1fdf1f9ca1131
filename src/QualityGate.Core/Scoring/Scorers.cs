using QualityGate.Configuration;

namespace QualityGate.Scoring;

/// <summary>The scorer a config names: an ML.NET model, an ONNX model (through its add-on), or the data's own score column.</summary>
public static class Scorers
{
    public static IModelScorer Create(GateConfig config) => config.Model.Kind switch
    {
        ModelKind.MlNet => MlNetModel.Load(config),
        ModelKind.Onnx => OnnxSupport.Load(config),
        _ => new PrecomputedScores(config),
    };
}
