using QualityGate.Configuration;
using QualityGate.Metrics;
using QualityGate.Tests.Statistics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Metrics;

public sealed class KnownAnswerTests
{
    /// <summary>Every bootstrapped metric, so every bound is computed.</summary>
    internal static readonly IReadOnlySet<MetricName> AllBounded = new HashSet<MetricName>
    {
        new("f1"), new("pr_auc"), new("log_loss"), new(MetricName.TprAtFpr, 0.1), new(MetricName.TprAtFpr, 0.25),
    };

    private static readonly SetEvaluation Evaluation = Evaluate();

    private static SetEvaluation Evaluate()
    {
        var set = SyntheticSets.From(ReferenceValues.Scores, ReferenceValues.Labels);
        var point = new OperatingPoint(0.5, 0.4, 0.6, "fixed");
        return SetEvaluator.Evaluate(set, RankedExamples.From(set), point, Settings.Statistics(), probabilities: true, AllBounded);
    }

    private static MetricValue Metric(string name, double? argument = null) => Evaluation.Find(new MetricName(name, argument))!;

    [Theory]
    [InlineData("auc", null, ReferenceValues.Auc)]
    [InlineData("pr_auc", null, ReferenceValues.AveragePrecision)]
    [InlineData("log_loss", null, ReferenceValues.LogLoss)]
    [InlineData("f1", null, ReferenceValues.F1AtHalf)]
    [InlineData("tpr_at_fpr", 0.1, ReferenceValues.TprAtFpr10)]
    [InlineData("tpr_at_fpr", 0.25, ReferenceValues.TprAtFpr25)]
    public void Ranking_and_calibration_metrics_match_sklearn(string name, double? argument, double expected) =>
        Assert.Equal(expected, Metric(name, argument).Value, 1e-12);

    [Fact]
    public void Global_rates_carry_their_counts()
    {
        // At t = 0.5: TP 10 (of 12 positives), FP 5 (of 13 negatives: 0.55, 0.6, 0.72, 0.8, 0.97).
        var fpr = Metric("fpr");
        Assert.Equal((5L, 13L), (fpr.Successes!.Value, fpr.Trials!.Value));
        var recall = Metric("recall");
        Assert.Equal((10L, 12L), (recall.Successes!.Value, recall.Trials!.Value));
        var precision = Metric("precision");
        Assert.Equal((10L, 15L), (precision.Successes!.Value, precision.Trials!.Value));
        Assert.Equal(18.0 / 25, Metric("accuracy").Value, 1e-12);
    }

    [Fact]
    public void Region_rates_count_only_the_band()
    {
        // Scores in [0.4, 0.6]: 0.4(0) 0.45(0) 0.5(1) 0.55(0) 0.6(1) 0.6(0).
        Assert.Equal(6, Metric("region.count").Value);
        var regionFpr = Metric("region.fpr");
        Assert.Equal((2L, 4L), (regionFpr.Successes!.Value, regionFpr.Trials!.Value));
        var regionFnr = Metric("region.fnr");
        Assert.Equal((0L, 2L), (regionFnr.Successes!.Value, regionFnr.Trials!.Value));
        Assert.Equal(2.0 / 6, Metric("region.error_rate").Value, 1e-12);
        Assert.Equal(6.0 / 25, Metric("region.share").Value, 1e-12);
    }

    [Fact]
    public void Every_interval_contains_its_estimate()
    {
        foreach (var metric in Evaluation.Metrics.Where(m => m.Unavailable is null))
        {
            Assert.True(metric.Bounds.Contains(metric.Value), $"{metric.Metric}: {metric.Value} outside [{metric.Bounds.Lower}, {metric.Bounds.Upper}]");
        }
    }

    [Fact]
    public void Bootstrap_bounds_are_the_same_every_run()
    {
        var again = Evaluate();
        Assert.Equal(Metric("pr_auc").Bounds, again.Find(new MetricName("pr_auc"))!.Bounds);
        Assert.Equal(Metric("log_loss").Bounds, again.Find(new MetricName("log_loss"))!.Bounds);
    }

    [Fact]
    public void Log_loss_is_unavailable_for_raw_scores()
    {
        var set = SyntheticSets.From(ReferenceValues.Scores, ReferenceValues.Labels);
        var evaluation = SetEvaluator.Evaluate(set, RankedExamples.From(set), new OperatingPoint(0.5, 0.4, 0.6, "fixed"), Settings.Statistics(), probabilities: false, AllBounded);
        Assert.Contains("not probabilities", evaluation.Find(new MetricName("log_loss"))!.Unavailable, StringComparison.Ordinal);
    }
}
