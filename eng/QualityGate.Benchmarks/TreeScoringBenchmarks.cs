using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Scoring.FastPath;

namespace QualityGate.Benchmarks;

/// <summary>
/// The fast pass's tree walks alone: a FastTree model of 100 trees of 20 leaves (the benchmark's
/// kind, trained here on rows drawn as the data generator draws them) scoring 100,000 rows of 50
/// features on one thread. Profiled, these walks are more than half the pass's worker time.
/// </summary>
public class TreeScoringBenchmarks
{
    private const int Width = 50;
    private IRowScorer _scorer = null!;

    /// <summary>Walks: four trees walked side by side (CompiledTrees); bits: QuickScorer's bit masks (BitvectorTrees).</summary>
    [Params("walks", "bits")]
    public string Scorer { get; set; } = "";
    private float[][] _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var context = new MLContext(seed: 1);
        var train = context.Data.LoadFromEnumerable(Enumerable.Range(0, 20_000).Select(_ => Row(random)).ToList());
        var model = context.BinaryClassification.Trainers.FastTree(numberOfLeaves: 20, numberOfTrees: 100).Fit(train);
        var trees = model.Model.SubModel.TrainedTreeEnsemble.Trees;
        _scorer = Scorer == "walks" ? CompiledTrees.From(trees)! : BitvectorTrees.From(trees)!;
        _rows = [.. Enumerable.Range(0, 100_000).Select(_ => Row(random).Features)];
    }

    [Benchmark]
    public double ScoreRows()
    {
        var sum = 0.0;
        foreach (var row in _rows)
        {
            sum += _scorer.Score(row);
        }

        return sum;
    }

    private static Example Row(Random random)
    {
        var positive = random.NextDouble() < 0.4;
        var looksPositive = positive || random.NextDouble() < 0.02;
        var features = new float[Width];
        for (var f = 0; f < Width; f++)
        {
            var gaussian = Gaussian.Next(random);
            features[f] = (float)((f < 10 && looksPositive ? 1.0 : 0.0) + gaussian);
        }

        return new Example { Label = positive, Features = features };
    }

    private sealed class Example
    {
        public bool Label { get; set; }

        [VectorType(Width)]
        public float[] Features { get; set; } = [];
    }
}
