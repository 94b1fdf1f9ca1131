using System.Globalization;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Benchmarks;

/// <summary>
/// How the bootstrap over bins (used above 20,000 examples; at 20,000 or fewer rows, the bootstrap
/// over rows, for comparison) decides: held-out sets of
/// <c>rows</c> drawn again and again from one synthetic population, with a <c>significant</c>
/// limit at the population's own value of pr_auc, log_loss and f1. Under no change a limit
/// fails when its one-sided 95% bound lies past it, which should happen about 5% of the time per
/// metric; against a model whose positives score lower it should fail nearly always.
/// </summary>
internal static class BinnedBootstrapStudy
{
    private static readonly string[] Metrics = ["pr_auc", "log_loss", "f1"];

    public static void Run(int runs, int rows)
    {
        var truth = Evaluate(Draw(2_000_000, seed: 1, positiveMean: 1.2), bounded: false);
        foreach (var (label, mean) in new[] { ("no change", 1.2), ("positives scored lower (mean margin 1.2 -> 1.1)", 1.1) })
        {
            var failures = Metrics.ToDictionary(m => m, _ => 0);
            for (var run = 0; run < runs; run++)
            {
                var measured = Evaluate(Draw(rows, seed: 100 + run, positiveMean: mean), bounded: true);
                foreach (var metric in Metrics)
                {
                    var value = measured.Find(new MetricName(metric))!;
                    // log_loss: lower is better (a max limit); pr_auc and f1: higher is better (a min limit).
                    var failed = metric == "log_loss" ? value.Bounds.Lower > truth.Find(new MetricName(metric))!.Value : value.Bounds.Upper < truth.Find(new MetricName(metric))!.Value;
                    failures[metric] += failed ? 1 : 0;
                }
            }

            var kind = rows > SetEvaluator.RowBootstrapLimit ? "bootstrap over bins" : "bootstrap over rows";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind}, {rows:N0} rows, {label}: limits at the population's value failed in {string.Join(", ", Metrics.Select(m => $"{m} {failures[m]} of {runs}"))}"));
        }
    }

    private static SetEvaluation Evaluate(ScoredSet set, bool bounded)
    {
        var ranked = RankedExamples.From(set);
        var statistics = new StatisticsSettings(Evidence.Significant, 0.95, IntervalMethod.Wilson, InconclusivePolicy.Warn, 10, 1000, 7);
        var names = bounded ? Metrics.Select(m => new MetricName(m)).ToHashSet() : [];
        return SetEvaluator.Evaluate(set, ranked, new OperatingPoint(0.5, 0.4, 0.6, "fixed"), statistics, probabilities: true, names);
    }

    private static ScoredSet Draw(int rows, int seed, double positiveMean)
    {
        var random = new Random(seed);
        var scores = new double[rows];
        var positive = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            positive[i] = random.NextDouble() < 0.3;
            var normal = Gaussian.Next(random);
            var margin = (positive[i] ? positiveMean : -1.2) + (normal * 1.3);
            scores[i] = Math.Round(1 / (1 + Math.Exp(-margin)), 5);
        }

        var file = new DataFile("/synthetic.csv", "synthetic.csv", ',', ["Label", "x"]);
        return new ScoredSet("heldout", file, scores, positive, new Dictionary<int, string>());
    }
}
