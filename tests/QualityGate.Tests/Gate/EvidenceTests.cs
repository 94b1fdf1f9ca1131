using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Gate;

public sealed class EvidenceTests
{
    private static readonly SourceLocation Here = new("q.yml", 3, 5);

    private static LimitOutcome Decide(long k, long n, double? min, double? max, Evidence evidence, int minCount = 10)
    {
        var limit = new LimitSettings("heldout", new MetricName("fpr"), min, max, evidence, null, Here);
        var value = MetricValue.Rate(new MetricName("fpr"), k, n, Settings.Statistics(minCount: minCount));
        return LimitEvaluator.Decide(limit, value, Settings.Statistics(minCount: minCount));
    }

    [Fact]
    public void One_fixture_gets_three_different_verdicts_from_the_three_evidence_modes()
    {
        // 2 of 20 = 0.10 against max 0.05. The estimate is over the limit (point fails); the 95%
        // lower bound 0.034 is not (significant passes); and 20 examples could not demonstrate
        // 0.05 even with no errors (upper bound of 0/20 is 0.119), so demonstrated is inconclusive.
        Assert.Equal(Verdict.Failed, Decide(2, 20, null, 0.05, Evidence.Point).Verdict);
        Assert.Equal(Verdict.Passed, Decide(2, 20, null, 0.05, Evidence.Significant).Verdict);
        var demonstrated = Decide(2, 20, null, 0.05, Evidence.Demonstrated);
        Assert.Equal(Verdict.Inconclusive, demonstrated.Verdict);
        Assert.Contains("would be needed", demonstrated.Message, StringComparison.Ordinal);
        
        // Wilson's upper bound for 0 of n is z^2 / (n + z^2) with z = 1.645: under 0.05 from n = 52.
        Assert.Equal(52, demonstrated.Needed);
    }

    [Fact]
    public void Demonstrated_passes_only_when_the_upper_bound_is_under_the_limit()
    {
        // 20 of 858: upper bound 0.0334.
        Assert.Equal(Verdict.Passed, Decide(20, 858, null, 0.04, Evidence.Demonstrated).Verdict);
        var undemonstrated = Decide(20, 858, null, 0.03, Evidence.Demonstrated);
        Assert.Equal(Verdict.Failed, undemonstrated.Verdict);
        Assert.True(undemonstrated.Needed > 858);
    }

    [Fact]
    public void Significant_fails_when_the_lower_bound_is_past_the_limit()
    {
        // 20 of 858: lower bound 0.0162.
        Assert.Equal(Verdict.Failed, Decide(20, 858, null, 0.015, Evidence.Significant).Verdict);
        Assert.Equal(Verdict.Passed, Decide(20, 858, null, 0.02, Evidence.Significant).Verdict);
    }

    [Fact]
    public void Min_limits_mirror_max_limits()
    {
        // 482 of 522 = 0.923, bounds [0.902, 0.940].
        Assert.Equal(Verdict.Failed, Decide(482, 522, 0.93, null, Evidence.Point).Verdict);
        Assert.Equal(Verdict.Passed, Decide(482, 522, 0.93, null, Evidence.Significant).Verdict);
        Assert.Equal(Verdict.Failed, Decide(482, 522, 0.95, null, Evidence.Significant).Verdict);
        Assert.Equal(Verdict.Passed, Decide(482, 522, 0.90, null, Evidence.Demonstrated).Verdict);
        Assert.Equal(Verdict.Failed, Decide(482, 522, 0.91, null, Evidence.Demonstrated).Verdict);
    }

    [Fact]
    public void Too_few_examples_is_inconclusive_in_every_mode_and_says_how_many_are_needed()
    {
        foreach (var evidence in Enum.GetValues<Evidence>())
        {
            var outcome = Decide(0, 8, null, 0.5, evidence, minCount: 30);
            Assert.Equal(Verdict.Inconclusive, outcome.Verdict);
            Assert.Equal(30, outcome.Needed);
        }
    }

    [Fact]
    public void A_region_with_no_examples_is_inconclusive_not_passed()
    {
        var limit = new LimitSettings("heldout", new MetricName("region.fpr"), null, 0.1, Evidence.Point, null, Here);
        var outcome = LimitEvaluator.Decide(limit, MetricValue.Rate(new MetricName("region.fpr"), 0, 0, Settings.Statistics()), Settings.Statistics());
        Assert.Equal(Verdict.Inconclusive, outcome.Verdict);
        Assert.Contains("no examples count towards region.fpr", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_cannot_be_computed_is_an_error_not_a_pass()
    {
        var limit = new LimitSettings("heldout", new MetricName("fpr"), null, 0.1, null, null, Here);
        var error = Assert.Throws<DataException>(() => LimitEvaluator.Decide(limit, MetricValue.Missing(new MetricName("fpr"), "its denominator is empty"), Settings.Statistics()));
        Assert.Equal(ExitCodes.ModelOrData, error.ExitCode);
        Assert.Equal(Here, error.Location);
    }
}
