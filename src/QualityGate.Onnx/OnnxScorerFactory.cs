using QualityGate.Configuration;
using QualityGate.Scoring;

[assembly: ScorerFactory(typeof(QualityGate.Onnx.OnnxScorerFactory))]

namespace QualityGate.Onnx;

/// <summary>What qgate finds in this add-on: the scorer of <c>model.kind: onnx</c>.</summary>
public sealed class OnnxScorerFactory : IScorerFactory
{
    public ModelKind Kind => ModelKind.Onnx;

    public IModelScorer Create(GateConfig config) => OnnxModel.Load(config);
}
