using BenchmarkDotNet.Attributes;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Identity;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Benchmarks;

/// <summary>
/// The gate's own work on one million scored rows, apart from reading and scoring the file:
/// ranking and every metric with its bounds, and hashing an example's identity.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private ScoredSet _set = null!;
    private float[] _features = [];

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var positive = new bool[Rows];
        var scores = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            positive[i] = random.NextDouble() < 0.4;
            scores[i] = Math.Clamp((positive[i] ? 0.65 : 0.35) + (0.2 * (random.NextDouble() - 0.5) * 2), 0, 1);
        }

        _set = new ScoredSet("heldout", new DataFile("bench.csv", "bench.csv", ',', ["Label"]), scores, positive, new Dictionary<int, string>());
        _features = [.. Enumerable.Range(0, 50).Select(i => (float)random.NextDouble())];
    }

    /// <summary>Sorting once, then every rate with Wilson bounds, AUC with DeLong, curves and histograms.</summary>
    [Benchmark]
    public SetEvaluation EvaluateAllMetrics()
    {
        var statistics = new StatisticsSettings(Evidence.Significant, 0.95, IntervalMethod.Wilson, InconclusivePolicy.Warn, 30, 1000, 1);
        var ranked = RankedExamples.From(_set);
        return SetEvaluator.Evaluate(_set, ranked, new OperatingPoint(0.5, 0.4, 0.6, "fixed"), statistics, probabilities: true, new HashSet<MetricName>());
    }

    /// <summary>One example's identity: 50 features hashed from their bits.</summary>
    [Benchmark]
    public string HashFiftyFeatures()
    {
        var identity = new ExampleIdentity();
        foreach (var value in _features)
        {
            identity.AddNumber(value);
        }

        return identity.Finish();
    }
}
