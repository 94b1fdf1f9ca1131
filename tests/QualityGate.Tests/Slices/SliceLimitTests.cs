using QualityGate.Configuration;
using QualityGate.Gate;
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

    private GateResult Run(string csv, string columns = "[provider]")
    {
        _directory.Write("heldout.csv", csv);
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

            """;
        return GateRunner.Run(ConfigLoader.Parse(yaml, _directory.Write("qualitygate.yml", yaml)));
    }
}
