using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Tests.Statistics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Metrics;

public sealed class OperatingPointTests
{
    private static readonly SourceLocation Here = new("q.yml", 1, 1);
    private static readonly RankedExamples Reference = RankedExamples.From(SyntheticSets.From(ReferenceValues.Scores, ReferenceValues.Labels));

    [Fact]
    public void At_fpr_takes_the_lowest_threshold_within_the_budget()
    {
        // 13 negatives; FPR <= 0.1 allows 1 false positive (the negative at 0.97). Going lower, the
        // tie at 0.8 brings a second one, so the lowest threshold within budget is 0.85.
        var t = ThresholdResolver.Resolve(ThresholdSettings.ForTarget(ThresholdTarget.AtFpr, 0.1, Here), Reference);
        Assert.Equal(0.85, t);
    }

    [Fact]
    public void At_recall_takes_the_highest_threshold_that_reaches_it()
    {
        // 12 positives; recall >= 0.5 needs 6: 0.99, 0.95, 0.9, 0.9, 0.85, 0.8.
        var t = ThresholdResolver.Resolve(ThresholdSettings.ForTarget(ThresholdTarget.AtRecall, 0.5, Here), Reference);
        Assert.Equal(0.8, t);
    }

    [Fact]
    public void At_precision_takes_the_lowest_threshold_that_keeps_it()
    {
        var t = ThresholdResolver.Resolve(ThresholdSettings.ForTarget(ThresholdTarget.AtPrecision, 0.7, Here), Reference);
        var predicted = Enumerable.Range(0, ReferenceValues.Scores.Length).Where(i => ReferenceValues.Scores[i] >= t).ToList();
        var precision = predicted.Count(i => ReferenceValues.Labels[i] == 1) / (double)predicted.Count;
        Assert.True(precision >= 0.7);

        // 8 of 11 at 0.62; at 0.6 it drops to 9 of 13 = 0.69.
        Assert.Equal(0.62, t);
    }

    [Fact]
    public void Width_region_is_the_band_around_the_threshold()
    {
        var (low, high) = RegionResolver.Resolve(new RegionSettings(RegionKind.Width, 0.1, Here), 0.5, Reference);
        Assert.Equal((0.4, 0.6), (low, high));
    }

    [Fact]
    public void Quantile_region_spans_that_share_of_examples_on_each_side_with_edge_ties_inside()
    {
        // 25 examples, q = 0.1: ceil(2.5) = 3 on each side of t = 0.5.
        // Below: 0.35, 0.4, 0.45 -> low edge 0.35 (both 0.35s are inside). At or above: 0.5, 0.55, 0.6 -> high edge 0.6.
        var (low, high) = RegionResolver.Resolve(new RegionSettings(RegionKind.Quantile, 0.1, Here), 0.5, Reference);
        Assert.Equal((0.35, 0.6), (low, high));
        var point = new OperatingPoint(0.5, low, high, "fixed");
        Assert.Equal(8, ReferenceValues.Scores.Count(point.InRegion));
    }
}
