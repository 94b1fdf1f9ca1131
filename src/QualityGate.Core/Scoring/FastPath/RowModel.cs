using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// How the fast pass scores a row's input vector: the trained trees evaluated directly when the
/// model is a bare tree ensemble (with or without a Platt calibrator), else one ML.NET
/// prediction engine per worker thread, which runs any model whose input is one float vector.
/// </summary>
internal sealed class RowModel
{
    private readonly Func<IRowScorer> _create;

    private RowModel(string kind, Func<IRowScorer> create) => (Kind, _create) = (kind, create);

    /// <summary>What scores the rows, for the log: "compiled trees (100)", "compiled trees (100, walked)" (a tree too large for bit masks), "ML.NET prediction engine".</summary>
    public string Kind { get; }

    /// <summary>A scorer for one worker thread.</summary>
    public IRowScorer CreateScorer() => _create();

    /// <summary>The model as a row scorer of its one float vector input; null when it has no such input or will not bind to it.</summary>
    public static RowModel? For(MLContext context, ITransformer transformer, string input, int size, string scoreColumn)
    {
        if (Compile(transformer, input, size, scoreColumn) is { } compiled)
        {
            return new RowModel(compiled.Kind, () => compiled.Scorer);
        }

        try
        {
            // Bind once now, so a model that cannot read the vector alone is found before the pass.
            using var probe = EngineScorer.Create(context, transformer, input, size, scoreColumn);
            return new RowModel("ML.NET prediction engine per worker", () => EngineScorer.Create(context, transformer, input, size, scoreColumn));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A tree ensemble reading the input directly (nothing before it in the chain), scored as ML.NET does.</summary>
    private static (IRowScorer Scorer, string Kind)? Compile(ITransformer transformer, string input, int size, string scoreColumn)
    {
        var last = transformer is TransformerChain<ITransformer> chain ? (chain.Count() == 1 ? chain.Single() : null) : transformer;
        if (last is not ISingleFeaturePredictionTransformer<object> predictor || predictor.FeatureColumnName != input)
        {
            return null;
        }

        var (model, calibrator) = Split(predictor.Model);
        IReadOnlyList<RegressionTreeBase>? ensemble = model switch
        {
            TreeEnsembleModelParametersBasedOnRegressionTree boosted => boosted.TrainedTreeEnsemble.Trees,
            TreeEnsembleModelParametersBasedOnQuantileRegressionTree forest => forest.TrainedTreeEnsemble.Trees,
            _ => null,
        };
        if (ensemble is null || Trees(ensemble) is not var (trees, maxFeature) || maxFeature >= size)
        {
            return null;
        }

        var kind = $"compiled trees ({ensemble.Count}{(trees is CompiledTrees ? ", walked" : "")})";
        return scoreColumn switch
        {
            "Score" => (trees, kind),
            "Probability" when calibrator is PlattCalibrator platt => (new PlattScorer(trees, platt.Slope, platt.Offset), kind),
            _ => null,
        };
    }

    /// <summary>
    /// The trees as bit masks (QuickScorer), or walked when a tree has too many leaves for a mask;
    /// with the highest feature index a split reads. Null when a split is categorical.
    /// </summary>
    private static (IRowScorer Scorer, int MaxFeature)? Trees(IReadOnlyList<RegressionTreeBase> ensemble) =>
        BitvectorTrees.From(ensemble) is { } masks ? (masks, masks.MaxFeature)
        : CompiledTrees.From(ensemble) is { } walks ? (walks, walks.MaxFeature)
        : null;

    /// <summary>A calibrated model's raw model and calibrator (read where the generic base declares them); a bare model and null otherwise.</summary>
    private static (object Model, object? Calibrator) Split(object model)
    {
        const System.Reflection.BindingFlags declared = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly;
        for (var type = model.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>))
            {
                return (type.GetProperty("SubModel", declared)!.GetValue(model)!, type.GetProperty("Calibrator", declared)!.GetValue(model));
            }
        }

        return (model, null);
    }

    /// <summary>A Platt calibrator over raw scores: ML.NET's formula, in the same precision.</summary>
    private sealed class PlattScorer(IRowScorer raw, double slope, double offset) : IRowScorer
    {
        public bool ScoresBatches => raw.ScoresBatches;

        public float Score(ReadOnlySpan<float> features) => Calibrated(raw.Score(features));

        public void ScoreBatch(ReadOnlySpan<float> columns, Span<float> scores)
        {
            raw.ScoreBatch(columns, scores);
            foreach (ref var score in scores)
            {
                score = Calibrated(score);
            }
        }

        private float Calibrated(float raw) => (float)(1 / (1 + Math.Exp(slope * raw + offset)));
    }
}
