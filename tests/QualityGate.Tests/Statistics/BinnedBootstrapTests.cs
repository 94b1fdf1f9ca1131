using QualityGate.Configuration;
using QualityGate.Metrics;
using QualityGate.Statistics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Statistics;

/// <summary>
/// Above <see cref="SetEvaluator.RowBootstrapLimit"/> examples the bootstrap draws bins, not
/// rows, so its cost does not grow with the rows. Its bounds must be the row bootstrap's, within
/// the Monte Carlo noise of either.
/// </summary>
public sealed class BinnedBootstrapTests
{
    private static (ScoredSetAndRank Set, StatisticsSettings Statistics) Large(int rows, int seed)
    {
        var random = new Random(seed);
        var labels = new int[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            var margin = (labels[i] == 1 ? 1.2 : -1.2) + (Normal(random) * 1.3);
            scores[i] = Math.Round(1 / (1 + Math.Exp(-margin)), 5);
        }

        var set = SyntheticSets.From(scores, labels);
        return (new ScoredSetAndRank(set, RankedExamples.From(set)), Settings.Statistics());
    }

    private sealed record ScoredSetAndRank(QualityGate.Scoring.ScoredSet Set, RankedExamples Ranked);

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Bounds_from_bins_agree_with_bounds_from_rows_on_a_large_set()
    {
        var (large, statistics) = Large(40_000, seed: 3);
        Assert.True(large.Ranked.Count > SetEvaluator.RowBootstrapLimit);
        var point = new OperatingPoint(0.5, 0.4, 0.6, "fixed");
        string[] names = ["f1", "pr_auc", "log_loss"];
        var evaluation = SetEvaluator.Evaluate(large.Set, large.Ranked, point, statistics, probabilities: true, names.Select(n => new MetricName(n)).ToHashSet());

        var r = large.Ranked;
        Func<int[], double>[] rowMetrics = [w => WeightedMetrics.F1(r, w, 0.5), w => WeightedMetrics.AveragePrecision(r, w), w => WeightedMetrics.LogLoss(r, w)];
        var rows = StratifiedBootstrap.Run(r.Positive, rowMetrics, statistics.BootstrapSamples, statistics.BootstrapSeed, statistics.Confidence);
        for (var m = 0; m < names.Length; m++)
        {
            var binned = evaluation.Find(new MetricName(names[m]))!;
            var halfWidth = (rows[m].Upper - rows[m].Lower) / 2;
            Assert.Equal("bootstrap", binned.Method);
            Assert.True(Math.Abs(binned.Bounds.Lower - rows[m].Lower) < 0.2 * halfWidth, $"{names[m]}: lower {binned.Bounds.Lower} from bins, {rows[m].Lower} from rows (half width {halfWidth})");
            Assert.True(Math.Abs(binned.Bounds.Upper - rows[m].Upper) < 0.2 * halfWidth, $"{names[m]}: upper {binned.Bounds.Upper} from bins, {rows[m].Upper} from rows (half width {halfWidth})");
        }
    }

    [Fact]
    public void Bounds_from_bins_are_the_same_in_every_run_and_contain_the_estimate()
    {
        var (large, statistics) = Large(30_000, seed: 5);
        var point = new OperatingPoint(0.5, 0.4, 0.6, "fixed");
        var bounded = new HashSet<MetricName> { new("pr_auc"), new("log_loss") };
        var first = SetEvaluator.Evaluate(large.Set, large.Ranked, point, statistics, true, bounded).Find(new MetricName("pr_auc"))!;
        var second = SetEvaluator.Evaluate(large.Set, large.Ranked, point, statistics, true, bounded).Find(new MetricName("pr_auc"))!;
        Assert.Equal(first.Bounds, second.Bounds);
        Assert.InRange(first.Value, first.Bounds.Lower, first.Bounds.Upper);
        Assert.True(first.Bounds.Upper - first.Bounds.Lower > 0);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(30_000)]
    public void A_measured_sets_bounds_outlive_its_ranked_rows(int rows)
    {
        // Bounds at other confidences stay available for as long as the result; the ranked rows
        // they were drawn from (5 MB a million rows) must not stay with them.
        var (evaluation, ranked) = MeasureAndLetGo(rows);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(ranked.IsAlive, "the set's evaluation keeps its ranked rows alive");
        var prAuc = evaluation.Find(new MetricName("pr_auc"))!;
        Assert.Equal(prAuc.Bounds, prAuc.BoundsAt!(Settings.Statistics().Confidence));
        Assert.True(prAuc.BoundsAt!(0.99).Lower <= prAuc.Bounds.Lower);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (SetEvaluation Evaluation, WeakReference Ranked) MeasureAndLetGo(int rows)
    {
        var (set, statistics) = Large(rows, seed: 7);
        var bounded = new HashSet<MetricName> { new("f1"), new("pr_auc"), new("log_loss") };
        var evaluation = SetEvaluator.Evaluate(set.Set, set.Ranked, new OperatingPoint(0.5, 0.4, 0.6, "fixed"), statistics, true, bounded);
        return (evaluation, new WeakReference(set.Ranked));
    }
}
