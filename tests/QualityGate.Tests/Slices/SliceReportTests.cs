using System.Text.Json;
using QualityGate.Reports;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Slices;

/// <summary>Slices through the real program: the console table, the JSON section, the Markdown and HTML reports (in Chromium).</summary>
public sealed class SliceReportTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_surface_shows_the_slices_and_their_verdicts()
    {
        _directory.Write("heldout.csv", SlicedData.Write(1, [new("gmail", 600), new("outlook", 600), new("spamhaus", 400, NegativeTop: 0.75), new("tiny", 30)]));
        _directory.Write("qualitygate.yml", """
            version: 1
            model: { kind: scores }
            label: Label
            id: id
            data: { heldout: heldout.csv }
            threshold: 0.5
            region: { width: 0.1 }
            slices:
              columns: [provider]
              min_size: 100
              limits:
                heldout:
                  fpr: { max: 0.12 }
            limits:
              heldout:
                fpr: { max: 0.12 }
            reports: { directory: out, formats: [json, junit, markdown, html] }
            """);

        var run = QgateProcess.Run(_directory.Path, "check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("heldout[provider=spamhaus]", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("qualitygate.yml(13,7): error QG1001: heldout[provider=spamhaus] fpr broke its limit", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("qualitygate.yml(13,7): warning QG1002: heldout[provider=tiny] fpr is inconclusive", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("too small to decide", run.StandardOutput, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllBytes(_directory.File("out/qualitygate-result.json")));
        var slices = json.RootElement.GetProperty("slices").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["provider=gmail", "provider=outlook", "provider=spamhaus", "provider=tiny"], slices.Select(s => s.GetProperty("name").GetString()));
        Assert.True(slices[3].GetProperty("tooSmall").GetBoolean());
        Assert.Equal(400, slices[2].GetProperty("count").GetInt32());

        var junit = File.ReadAllText(_directory.File("out/qualitygate-junit.xml"));
        Assert.Contains("heldout[provider=spamhaus]", junit, StringComparison.Ordinal);
        var markdown = File.ReadAllText(_directory.File("out/qualitygate-summary.md"));
        Assert.Contains("| heldout[provider=tiny] | 30 |", markdown, StringComparison.Ordinal);

        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(_directory.File("out/" + HtmlReport.FileName));
        Assert.Empty(browser.Errors);
        Assert.Equal(4, (int)(await browser.EvaluateAsync("document.querySelectorAll('#slice-table tr').length - 1"))!);
        Assert.Equal("failed", (string?)await browser.EvaluateAsync("[...document.querySelectorAll('#slice-table tr')].find(r => r.textContent.includes('spamhaus')).children[7].textContent"));
        Assert.True((int)(await browser.EvaluateAsync("document.querySelectorAll('#plot-slice-region-rates svg path, #plot-slice-region-rates svg line, #plot-slice-region-rates svg polyline, #plot-slice-region-rates svg ellipse').length"))! > 10);
    }
}
