using System.Text;
using QualityGate.Results;
using QualityGate.Reports;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Reports;

/// <summary>The HTML report in a real headless Chromium: it loads cleanly, shows its plots, and shows hostile data as text.</summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_report_loads_without_errors_shows_its_plots_and_keeps_a_script_as_text()
    {
        var hostile = "<script>alert(1)</script>";
        var json = ReportTests.InjectFeatureValue(hostile);
        var page = _directory.Write("qualitygate-report.html", Encoding.UTF8.GetString(HtmlReport.Render(ResultJson.Read(Encoding.UTF8.GetBytes(json), "x.json"))));

        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(page);

        Assert.Empty(browser.Errors);
        Assert.Equal(0, (int)(await browser.EvaluateAsync("document.querySelectorAll('script').length"))!);
        Assert.True((bool)(await browser.EvaluateAsync($"document.body.textContent.includes({System.Text.Json.JsonSerializer.Serialize(hostile)})"))!);

        // Every plot is an inline SVG of sensible size with real drawing in it.
        var plots = (await browser.EvaluateAsync("""
            [...document.querySelectorAll('figure.plot svg')].map(svg => {
              const box = svg.getBoundingClientRect();
              return { width: box.width, height: box.height, shapes: svg.querySelectorAll('path, rect, line, polyline, text').length };
            })
            """))!.AsArray();
        Assert.True(plots.Count >= 6, $"{plots.Count} plots");
        foreach (var plot in plots)
        {
            Assert.InRange((double)plot!["width"]!, 300, 2000);
            Assert.InRange((double)plot["height"]!, 200, 2000);
            Assert.True((int)plot["shapes"]! >= 20, plot.ToJsonString());
        }

        Assert.Equal("QualityGate failed", (string?)await browser.EvaluateAsync("document.getElementById('verdict').textContent"));
    }

    [Fact]
    public async Task A_screenshot_of_the_sample_report_is_kept_as_a_test_artifact()
    {
        using var sample = new SampleCopy();
        var run = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel, "--report-dir", "reports");
        Assert.Equal(1, run.ExitCode);

        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(Path.Combine(sample.Root, "reports", HtmlReport.FileName));
        Assert.Empty(browser.Errors);
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "qualitygate-report.png");
        await browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot should show a full page");
    }

    /// <summary>The browser tests' "no errors" means something: a page that throws, or logs an error, is caught.</summary>
    [Fact]
    public async Task The_browser_driver_reports_a_pages_exceptions_and_error_logs()
    {
        var page = _directory.Write("broken.html", "<!DOCTYPE html><html><body><script>console.error('logged'); throw new Error('boom');</script></body></html>");
        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(page);
        Assert.Contains(browser.Errors, e => e.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(browser.Errors, e => e.Contains("logged", StringComparison.Ordinal));
        Assert.Equal(2, (int)(await browser.EvaluateAsync("1 + 1"))!);
    }
}
