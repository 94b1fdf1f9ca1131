using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Regression;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Verdicts;

/// <summary>Every statistical decision of a run shares one correction for their number.</summary>
public sealed class FamilyWiseTests
{
    private static readonly Errors.SourceLocation Here = new("qualitygate.yml", 1, 1);

    private static LimitOutcome Decide(long k, long n, double max, Evidence evidence, StatisticsSettings statistics)
    {
        var limit = new LimitSettings("heldout", new MetricName("fpr"), null, max, evidence, null, Here);
        return LimitEvaluator.Decide(limit, MetricValue.Rate(new MetricName("fpr"), k, n, statistics), statistics);
    }

    [Fact]
    public void Three_limits_each_just_past_their_bound_are_noise_together_under_holm_and_fail_uncorrected()
    {
        var statistics = Settings.Statistics();

        // 40 of 1000 against max 0.03: the lower 95% bound (0.0310) is just past the limit, p about 0.03.
        var alone = Decide(40, 1000, 0.03, Evidence.Significant, statistics);
        Assert.Equal(Verdict.Failed, alone.Verdict);
        Assert.InRange(alone.PValue!.Value, 0.01, 0.05);

        var three = new[] { alone, alone, alone };
        var (holm, _) = FamilyWiseCorrection.Apply(three, [], statistics);
        Assert.All(holm, o =>
        {
            Assert.Equal(Verdict.Passed, o.Verdict);
            Assert.InRange(o.AdjustedPValue!.Value, 0.05, 0.15);
            Assert.Contains("over 3 checks (the bound alone would fail it", o.Message, StringComparison.Ordinal);
        });

        var (none, _) = FamilyWiseCorrection.Apply(three, [], statistics with { Multiplicity = Multiplicity.None });
        Assert.All(none, o => Assert.Equal(Verdict.Failed, o.Verdict));

        // A clear failure stays a failure among many.
        var clear = Decide(80, 1000, 0.03, Evidence.Significant, statistics);
        var (mixed, _) = FamilyWiseCorrection.Apply([clear, .. Enumerable.Repeat(Decide(20, 1000, 0.03, Evidence.Significant, statistics), 19)], [], statistics);
        Assert.Equal(Verdict.Failed, mixed[0].Verdict);
        Assert.All(mixed.Skip(1), o => Assert.Equal(Verdict.Passed, o.Verdict));
    }

    [Fact]
    public void Demonstrated_limits_are_their_own_family_and_holm_makes_passing_harder()
    {
        var statistics = Settings.Statistics();

        // 20 of 1000 against max 0.03: the upper bound (0.0286) is just under the limit.
        var alone = Decide(20, 1000, 0.03, Evidence.Demonstrated, statistics);
        Assert.Equal(Verdict.Passed, alone.Verdict);
        var (holm, _) = FamilyWiseCorrection.Apply([alone, alone, alone, Decide(40, 1000, 0.03, Evidence.Significant, statistics)], [], statistics);
        Assert.All(holm.Take(3), o => Assert.Equal(Verdict.Failed, o.Verdict));
        Assert.All(holm.Take(3), o => Assert.Contains("over 3 checks", o.Message, StringComparison.Ordinal));

        // The significant limit is alone in its family, so it keeps its verdict.
        Assert.Equal(Verdict.Failed, holm[3].Verdict);
        Assert.Contains("over 1 check", holm[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clearly_re_broken_is_decided_by_the_paired_bound_and_the_exact_test_as_the_readme_says()
    {
        // The sample's suite: 107 items, 28 wrong for the blessed model; n newly wrong, none newly right.
        RegressionOutcome Suite(int newlyWrong, int newlyRight)
        {
            var items = Enumerable.Range(0, 107).Select(i => new PairedItem($"id{i:D3}", false,
                BaselineWrong: i < 28 + newlyRight, CandidateWrong: i < 28 || (i >= 28 + newlyRight && i < 28 + newlyRight + newlyWrong), false, false)).ToList();
            var limit = new RegressionLimitSettings("suite", new MetricName("error_rate"), 0, null, null, null, false, null, Here);
            var settings = new RegressionSettings("baseline.json", Here, false, null, false, [limit]);
            var baseline = new QualityGate.Baseline.BaselineDocument(null, null, "", null, "", 0.5, "fixed", 0.4, 0.6, [], new QualityGate.Baseline.HeldoutOutcomes(0, 0, 0, new RowOutcomes([], [], [], [])), null);
            return Assert.Single(RegressionEvaluator.Evaluate(new RegressionEvaluator.Inputs(settings, baseline, null, null!, null, items, Settings.Statistics())));
        }

        // Newcombe's bound alone calls 3 of 0 an increase; the exact one-sided McNemar test (p = 0.125) does not.
        Assert.True(new QualityGate.Statistics.PairedDifference(28, 3, 0, 76).BoundsAt(0.95).Lower > 0);
        Assert.Equal(Verdict.Passed, Suite(3, 0).Verdict);
        Assert.Equal(Verdict.Passed, Suite(4, 0).Verdict);
        Assert.Equal(Verdict.Failed, Suite(5, 0).Verdict);
        Assert.Equal(0.03125, Suite(5, 0).PValue!.Value, 6);

        // Churn both ways cancels; the weak model's 57 against 12 is clear.
        Assert.Equal(Verdict.Passed, Suite(8, 6).Verdict);
        Assert.Equal(Verdict.Failed, Suite(57, 12).Verdict);
        Assert.True(Suite(57, 12).PValue < 0.0001);
    }

    [Fact]
    public void The_result_and_every_report_carry_the_adjusted_p_values()
    {
        using var sample = new SampleCopy();
        var check = QgateProcess.Run(sample.Root, "check", "--report-dir", "out");
        Assert.True(check.ExitCode == Errors.ExitCodes.Passed, check.All);
        Assert.Contains("Adj. p", check.StandardOutput, StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Root, "out", "qualitygate-result.json"))).RootElement;
        Assert.Equal("holm", json.GetProperty("statistics").GetProperty("multiplicity").GetString());
        var recall = json.GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("metric").GetString() == "recall");
        Assert.True(recall.GetProperty("adjustedP").GetDouble() >= recall.GetProperty("p").GetDouble());
        var suite = json.GetProperty("regression").GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "suite.error_rate");
        Assert.Equal(System.Text.Json.JsonValueKind.Number, suite.GetProperty("adjustedP").ValueKind);
        Assert.Contains("Adjusted p", File.ReadAllText(Path.Combine(sample.Root, "out", "qualitygate-summary.md")), StringComparison.Ordinal);
        Assert.Contains("<th>Adjusted p</th>", File.ReadAllText(Path.Combine(sample.Root, "out", "qualitygate-report.html")), StringComparison.Ordinal);
    }
}
