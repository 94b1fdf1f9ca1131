using System.Text;
using System.Text.Json;
using QualityGate.Results;
using QualityGate.Reports;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Explain;

/// <summary><c>qgate explain</c> on the spam sample, through the real program and in a real browser.</summary>
public sealed class ExplainCommandTests
{
    [Fact]
    public void The_spam_sample_is_explained_the_same_way_byte_for_byte_on_every_run()
    {
        using var sample = new SampleCopy();
        var first = QgateProcess.Run(sample.Root, "explain", "--report-dir", "first");
        var second = QgateProcess.Run(sample.Root, "explain", "--report-dir", "second");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.StandardOutput.Replace("first/", "second/", StringComparison.Ordinal), second.StandardOutput);
        foreach (var file in new[] { "qualitygate-result.json", HtmlReport.FileName })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(sample.Root, "first", file)), File.ReadAllBytes(Path.Combine(sample.Root, "second", file)));
        }

        // What the user reads: the 57 features, ranked; the console's first row is the JSON's first feature.
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Root, "first", "qualitygate-result.json")));
        var explain = json.RootElement.GetProperty("explain");
        var features = explain.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(57, features.Count);
        Assert.Equal(57, explain.GetProperty("regionImportance").GetArrayLength());
        var pulls = features.Select(f => f.GetProperty("pull").GetDouble()).ToList();
        Assert.Equal(pulls.OrderDescending(), pulls);
        var top = features[0].GetProperty("name").GetString()!;
        var tableRow = first.StandardOutput.Split('\n').SkipWhile(l => !l.StartsWith("What pulls", StringComparison.Ordinal)).Skip(4).First();
        Assert.StartsWith(top, tableRow.Trim(), StringComparison.Ordinal);
        Assert.Contains("What decides the close calls", first.StandardOutput, StringComparison.Ordinal);

        // A mostly-zero feature's zeros are set apart; with the binned shares they make up each whole group.
        var free = explain.GetProperty("distributions").EnumerateArray().Single(d => d.GetProperty("feature").GetString() == "free");
        foreach (var group in new[] { "hardNegatives", "easyNegatives", "positives" })
        {
            var binned = free.GetProperty(group).EnumerateArray().Sum(v => v.GetDouble());
            Assert.Equal(1.0, binned + free.GetProperty("zerosApart").GetProperty(group).GetDouble(), 9);
        }

        // Hard negatives come from the held-out set and from the suite.
        var hard = explain.GetProperty("groups").GetProperty("hardNegatives");
        Assert.True(hard.GetProperty("heldout").GetInt32() > 0 && hard.GetProperty("suite").GetInt32() > 0, hard.ToString());
    }

    [Fact]
    public async Task The_report_shows_the_diagnostics_with_a_distribution_plot_per_top_feature()
    {
        using var sample = new SampleCopy();
        var run = QgateProcess.Run(sample.Root, "explain", "--report-dir", "reports", "--format", "html");
        Assert.Equal(0, run.ExitCode);

        // The page 'qgate report' renders from the JSON later is the page explain wrote.
        var rendered = HtmlReport.Render(ResultJson.Read(File.ReadAllBytes(Path.Combine(sample.Root, "reports", "qualitygate-result.json")), "result.json"));
        var page = Path.Combine(sample.Root, "reports", HtmlReport.FileName);
        Assert.Equal(Encoding.UTF8.GetString(rendered), File.ReadAllText(page));

        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(page);
        Assert.Empty(browser.Errors);
        Assert.Equal(10, (int)(await browser.EvaluateAsync("document.querySelectorAll('#explain-features tr').length - 1"))!);
        Assert.Equal(10, (int)(await browser.EvaluateAsync("document.querySelectorAll('#explain-importance tr').length - 1"))!);
        var plots = (await browser.EvaluateAsync("""
            [...document.querySelectorAll('figure[id^="plot-feature-"] svg')].map(svg => ({
              height: svg.getBoundingClientRect().height,
              lines: svg.querySelectorAll('path, polyline').length,
              text: svg.textContent }))
            """))!.AsArray();
        Assert.Equal(10, plots.Count);
        foreach (var plot in plots)
        {
            Assert.InRange((double)plot!["height"]!, 200, 2000);
            Assert.True((int)plot["lines"]! >= 3, plot.ToJsonString());
            Assert.Contains("hard negatives", (string)plot["text"]!, StringComparison.Ordinal);
        }
    }
}
