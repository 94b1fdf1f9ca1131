using Microsoft.ML;
using Microsoft.ML.Data;

namespace QualityGate.Scoring.FastPath;

/// <summary>One ML.NET prediction engine over a model whose input is one float vector: a worker's own, as engines are not thread-safe.</summary>
internal sealed class EngineScorer : IRowScorer, IDisposable
{
    private readonly PredictionEngine<VectorRow, ScoreRow> _engine;
    private readonly VectorRow _row;
    private ScoreRow _score = new();

    private EngineScorer(PredictionEngine<VectorRow, ScoreRow> engine, int size) => (_engine, _row) = (engine, new VectorRow { Values = new float[size] });

    public static EngineScorer Create(MLContext context, ITransformer transformer, string input, int size, string scoreColumn)
    {
        var inputs = SchemaDefinition.Create(typeof(VectorRow));
        inputs[0].ColumnName = input;
        inputs[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var outputs = SchemaDefinition.Create(typeof(ScoreRow));
        outputs[0].ColumnName = scoreColumn;
        var engine = context.Model.CreatePredictionEngine<VectorRow, ScoreRow>(transformer, ignoreMissingColumns: true, inputSchemaDefinition: inputs, outputSchemaDefinition: outputs);
        return new EngineScorer(engine, size);
    }

    public float Score(ReadOnlySpan<float> features)
    {
        features.CopyTo(_row.Values);
        _engine.Predict(_row, ref _score);
        return _score.Value;
    }

    public void Dispose() => _engine.Dispose();

    private sealed class VectorRow
    {
        public float[] Values { get; set; } = [];
    }

    private sealed class ScoreRow
    {
        public float Value { get; set; }
    }
}
