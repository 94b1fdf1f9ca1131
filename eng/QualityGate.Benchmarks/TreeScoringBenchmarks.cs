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

    /// <summary>
    /// Walks: four trees walked side by side (CompiledTrees); bits: QuickScorer's bit masks
    /// (BitvectorTrees), a row at a time; batch: the same masks, sixteen rows at once in vector
    /// registers (BitvectorTrees.ScoreBatch, checked equal to bits on the first 8,000 rows).
    /// </summary>
    [Params("walks", "bits", "batch")]
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

        // The batches' inputs by feature, as the pass's workers lay them out (RowBatch).
        _columns = new float[_rows.Length * Width];
        for (var row = 0; row < _rows.Length; row++)
        {
            var (batch, place) = Math.DivRem(row, RowBatch.Rows);
            for (var f = 0; f < Width; f++)
            {
                _columns[(batch * BatchSize) + (f * RowBatch.Rows) + place] = _rows[row][f];
            }
        }

        if (Scorer == "batch")
        {
            var scores = new float[RowBatch.Rows];
            for (var batch = 0; batch < 8_000 / RowBatch.Rows; batch++)
            {
                ((BitvectorTrees)_scorer).ScoreBatch(_columns.AsSpan(batch * BatchSize, BatchSize), scores);
                for (var place = 0; place < RowBatch.Rows; place++)
                {
                    if (BitConverter.SingleToInt32Bits(scores[place]) != BitConverter.SingleToInt32Bits(_scorer.Score(_rows[(batch * RowBatch.Rows) + place])))
                    {
                        throw new InvalidOperationException($"Row {(batch * RowBatch.Rows) + place} scores differently in a batch.");
                    }
                }
            }
        }
    }

    private const int BatchSize = Width * RowBatch.Rows;
    private float[] _columns = [];

    [Benchmark]
    public double ScoreRows()
    {
        var sum = 0.0;
        if (Scorer == "batch")
        {
            var trees = (BitvectorTrees)_scorer;
            Span<float> scores = stackalloc float[RowBatch.Rows];
            for (var batch = 0; batch < _rows.Length / RowBatch.Rows; batch++)
            {
                trees.ScoreBatch(_columns.AsSpan(batch * BatchSize, BatchSize), scores);
                foreach (var score in scores)
                {
                    sum += score;
                }
            }

            return sum;
        }

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
