using BenchmarkDotNet.Attributes;
using QualityGate.Scoring;

namespace QualityGate.Benchmarks;

/// <summary>
/// Choosing, as a pass meets them, the rows a quantile region around a fixed threshold may hold
/// (init's config before any bless: q = 0.05 at 0.5): every row's score offered once, in file
/// order, on one thread, as the fast pass's consumer does. Scores are logistic of a two-class
/// Gaussian mixture in random order, about the shape of the benchmark model's.
/// </summary>
[MemoryDiagnoser]
public class NearestRowsBenchmarks
{
    private double[] _scores = [];
    private bool[] _positive = [];

    [Params(1_000_000, 5_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _positive = [.. Enumerable.Range(0, Rows).Select(_ => random.NextDouble() < 0.4)];
        _scores = [.. _positive.Select(positive =>
        {
            var gaussian = Gaussian.Next(random);
            return 1 / (1 + Math.Exp(-(1.5 * gaussian + (positive ? 2.0 : -2.0))));
        })];
    }

    [Benchmark]
    public int ChooseInOrder()
    {
        var choice = IdSelection.WrongOrNearest(0.5, 0.05).Start(Rows);
        var kept = 0;
        for (var row = 0; row < _scores.Length; row++)
        {
            kept += choice.Keep(_scores[row], _positive[row]) ? 1 : 0;
        }

        return kept;
    }
}
