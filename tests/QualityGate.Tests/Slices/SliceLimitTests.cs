using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Verbs;
using QualityGate.Slices;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Slices;

/// <summary>Per-slice limits: a bad slice fails while the whole passes, and a small slice is inconclusive.</summary>
public sealed class SliceLimitTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_planted_bad_slice_fails_its_slice_limit_while_the_overall_limit_passes()
    {
        var result = Run(SlicedData.Write(1, [new("gmail", 600), new("outlook", 600), new("yahoo", 600), new("spamhaus", 400, NegativeTop: 0.75)]));

        var overall = Assert.Single(result.Limits, l => l.Limit.DataSet == "heldout");
        Assert.Equal(Verdict.Passed, overall.Verdict);
        var bad = Assert.Single(result.Limits, l => l.Limit.DataSet == "heldout[provider=spamhaus]");
        Assert.Equal(Verdict.Failed, bad.Verdict);
        Assert.All(result.Limits.Where(l => l.Limit.DataSet is "heldout[provider=gmail]" or "heldout[provider=outlook]" or "heldout[provider=yahoo]"), l => Assert.Equal(Verdict.Passed, l.Verdict));
        Assert.Equal(Verdict.Failed, result.Verdict);

        // The failure points at the slice limit's own line in the config.
        Assert.Equal(11, bad.Limit.Location.Line);
        Assert.Equal(["provider=gmail", "provider=outlook", "provider=spamhaus", "provider=yahoo"], result.Slices.Select(s => s.Name));
    }

    [Fact]
    public void A_slice_below_the_minimum_size_is_inconclusive_never_passed()
    {
        var result = Run(SlicedData.Write(2, [new("gmail", 800), new("outlook", 800), new("tiny", 40)]));

        var tiny = Assert.Single(result.Limits, l => l.Limit.DataSet == "heldout[provider=tiny]");
        Assert.Equal(Verdict.Inconclusive, tiny.Verdict);
        Assert.Contains("fewer than slices.min_size 100", tiny.Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(result.Slices, s => s.Name == "provider=tiny").TooSmall);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
    }

    [Fact]
    public void Grouped_values_make_one_slice_and_the_rest_go_to_other()
    {
        var result = Run(
            SlicedData.Write(3, [new("gmail", 300), new("googlemail", 300), new("outlook", 300), new("aol", 300)]),
            columns: "[{ column: provider, groups: { google: [gmail, googlemail], microsoft: [outlook] } }]");

        Assert.Equal(["provider=google", "provider=microsoft", "provider=other"], result.Slices.Select(s => s.Name));
        Assert.Equal([600L, 300L, 300L], result.Slices.Select(s => s.Count));
    }

    [Fact]
    public void A_slice_the_baseline_had_and_the_data_lacks_is_reported_missing_and_a_new_one_new()
    {
        Run(SlicedData.Write(5, [new("gmail", 400), new("legacy", 300), new("outlook", 400)]), regression: true, bless: true);
        var baseline = BaselineJson.Read(_directory.File("baseline.json"), "baseline.json");
        Assert.Equal(["provider=gmail", "provider=legacy", "provider=outlook"], baseline.Slices!.Select(s => s.Name));
        Assert.Contains(baseline.Metrics, m => m.DataSet == "heldout[provider=legacy]" && m.Metric == "fpr");

        var result = Run(SlicedData.Write(6, [new("gmail", 400), new("newcomer", 300), new("outlook", 400)]), regression: true);

        var legacy = Assert.Single(result.Slices, s => s.Name == "provider=legacy");
        Assert.Equal(SliceStatus.Missing, legacy.Status);
        var missingLimit = Assert.Single(result.Limits, l => l.Limit.DataSet == "heldout[provider=legacy]");
        Assert.Equal(Verdict.Inconclusive, missingLimit.Verdict);
        Assert.Contains("was in the baseline and has no examples in the data now", missingLimit.Message, StringComparison.Ordinal);
        Assert.Equal(SliceStatus.New, Assert.Single(result.Slices, s => s.Name == "provider=newcomer").Status);
        Assert.Equal(SliceStatus.Present, Assert.Single(result.Slices, s => s.Name == "provider=gmail").Status);
    }

    private GateResult Run(string csv, string columns = "[provider]", bool regression = false, bool bless = false)
    {
        _directory.Write("heldout.csv", csv);
        var regressionYaml = regression ? "regression: { baseline: baseline.json, allow_missing: true }\n" : string.Empty;
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores {"}"}
            label: Label
            id: id
            data: {"{"} heldout: heldout.csv {"}"}
            threshold: 0.5
            region: {"{"} width: 0.1 {"}"}
            slices:
              columns: {columns}
              min_size: 100
              limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.12 {"}"} {"}"} {"}"}
            limits:
              heldout:
                fpr: {"{"} max: 0.12 {"}"}
            {regressionYaml}
            """;
        var config = ConfigLoader.Parse(yaml, _directory.Write("qualitygate.yml", yaml));
        if (!bless)
        {
            return Check.Run(config);
        }

        var result = Bless.Evaluate(config);
        File.WriteAllBytes(_directory.File("baseline.json"), BaselineJson.Serialize(BaselineBuilder.Build(result)));
        return result;
    }
}
