using System.Text;
using System.Xml;
using System.Xml.Schema;
using QualityGate.Results;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Reports;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Reports;

/// <summary>
/// Reports rendered from real results of the spam sample (the fixtures are JSON results of
/// `qgate check` on the sample: one passing, one of the weaker model with mining).
/// </summary>
public sealed class ReportTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "QualityGate.Tests", "Reports", "Fixtures", name);

    public static ResultDocument Load(string name) => ResultJson.Read(File.ReadAllBytes(Fixture(name)), name);

    [Theory]
    [InlineData("passing-result.json")]
    [InlineData("failing-result.json")]
    public void JUnit_output_is_valid_against_the_committed_schema(string fixture)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(RepositoryPaths.Root, "src", "QualityGate.Reports", "Schemas", "junit.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(JUnitReport.Render(Load(fixture))), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void JUnit_has_one_test_case_per_limit_and_check_with_failures_carrying_the_numbers()
    {
        var report = Load("failing-result.json");
        var xml = new XmlDocument();
        xml.Load(new MemoryStream(JUnitReport.Render(report)));
        var cases = xml.SelectNodes("//testcase")!;
        Assert.Equal(report.Limits.Count + report.Regression.Checks.Count, cases.Count);
        Assert.Equal(["heldout", "regression"], xml.SelectNodes("/testsuites/testsuite/@name")!.Cast<XmlNode>().Select(n => n.Value));
        var fpr = xml.SelectSingleNode("//testcase[@name='fpr max 0.04']/failure")!;
        Assert.Equal("QG1001", fpr.Attributes!["type"]!.Value);
        Assert.Contains("0.0817", fpr.InnerText, StringComparison.Ordinal);
        Assert.Contains("[0.0663, 0.1002]", fpr.InnerText, StringComparison.Ordinal);
        Assert.Contains("evidence demonstrated", fpr.InnerText, StringComparison.Ordinal);
        Assert.Equal("QG1003", xml.SelectSingleNode("//testcase[starts-with(@name, 'suite.error_rate')]/failure/@type")!.Value);
    }

    [Fact]
    public void Every_junit_case_passed_ones_too_carries_its_yaml_place_and_its_numbers()
    {
        var xml = new XmlDocument();
        xml.Load(new MemoryStream(JUnitReport.Render(Load("passing-result.json"))));
        var cases = xml.SelectNodes("//testcase")!.Cast<XmlElement>().ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            Assert.EndsWith("qualitygate.yml", c.GetAttribute("file"), StringComparison.Ordinal);
            Assert.True(int.Parse(c.GetAttribute("line"), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.False(string.IsNullOrWhiteSpace(c.SelectSingleNode("system-out")?.InnerText));
        });
        var recall = cases.Single(c => c.GetAttribute("name").StartsWith("recall", StringComparison.Ordinal));
        Assert.Null(recall.SelectSingleNode("failure"));
        Assert.Matches(@"recall = 0\.\d+ \d+/\d+ bounds \[0\.\d+, 0\.\d+\], min 0\.9", recall.SelectSingleNode("system-out")!.InnerText);
    }

    [Fact]
    public void An_inconclusive_limit_is_a_skipped_test_case_with_the_reason()
    {
        var json = File.ReadAllText(Fixture("passing-result.json"));
        var inconclusive = json.Replace("\"verdict\": \"passed\",\n      \"severity\": \"none\",\n      \"code\": \"QG1001\",\n      \"message\": \"fpr", "\"verdict\": \"inconclusive\",\n      \"severity\": \"warning\",\n      \"code\": \"QG1002\",\n      \"message\": \"fpr", StringComparison.Ordinal);
        Assert.NotEqual(json, inconclusive);
        var xml = Encoding.UTF8.GetString(JUnitReport.Render(ResultJson.Read(Encoding.UTF8.GetBytes(inconclusive), "x.json")));
        Assert.Contains("<skipped message=\"inconclusive: fpr", xml, StringComparison.Ordinal);
        Assert.Contains("skipped=\"1\"", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("passing-result.json", "passing-summary.md")]
    [InlineData("failing-result.json", "failing-summary.md")]
    public void Markdown_matches_its_snapshot(string fixture, string snapshot)
    {
        var rendered = Encoding.UTF8.GetString(MarkdownReport.Render(Load(fixture)));
        var path = Path.Combine(RepositoryPaths.Root, "tests", "QualityGate.Tests", "Reports", "Snapshots", snapshot);
        if (Environment.GetEnvironmentVariable("QUALITYGATE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.Equal(File.ReadAllText(path), rendered);
    }

    [Fact]
    public void A_passing_summary_fits_in_one_screen()
    {
        var lines = Encoding.UTF8.GetString(MarkdownReport.Render(Load("passing-result.json"))).Split('\n');
        Assert.True(lines.Length <= 30, $"{lines.Length} lines");
        Assert.StartsWith("## ✅ QualityGate passed", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_keeps_data_from_breaking_tables_or_injecting_html()
    {
        var json = InjectFeatureValue("<script>alert(1)</script>|x");
        var markdown = Encoding.UTF8.GetString(MarkdownReport.Render(ResultJson.Read(Encoding.UTF8.GetBytes(json), "x.json")));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_are_byte_identical_for_the_same_result()
    {
        var report = Load("failing-result.json");
        Assert.Equal(HtmlReport.Render(report), HtmlReport.Render(Load("failing-result.json")));
        Assert.Equal(JUnitReport.Render(report), JUnitReport.Render(report));
        Assert.Equal(MarkdownReport.Render(report), MarkdownReport.Render(report));
    }

    [Fact]
    public void Qgate_report_renders_every_format_from_a_saved_result_into_the_report_directory_only()
    {
        var result = _directory.File("saved/qualitygate-result.json");
        Directory.CreateDirectory(Path.GetDirectoryName(result)!);
        File.Copy(Fixture("failing-result.json"), result);
        var run = QgateProcess.Run(_directory.Path, "report", "--result", result, "--format", "junit,markdown,html", "--report-dir", "out");
        Assert.True(run.ExitCode == ExitCodes.Passed, run.All);
        Assert.Equal(
            ["qualitygate-junit.xml", "qualitygate-report.html", "qualitygate-summary.md"],
            Directory.GetFiles(_directory.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(MarkdownReport.Render(Load("failing-result.json")), File.ReadAllBytes(_directory.File("out/qualitygate-summary.md")));
        Assert.Equal(["qualitygate-result.json"], Directory.GetFiles(_directory.File("saved")).Select(Path.GetFileName));
    }

    [Fact]
    public void Check_writes_the_formats_the_config_names()
    {
        using var sample = new SampleCopy();
        var run = QgateProcess.Run(sample.Root, "check", "--report-dir", "reports");
        Assert.True(run.ExitCode == ExitCodes.Passed, run.All);
        Assert.Equal(
            ["qualitygate-junit.xml", "qualitygate-report.html", "qualitygate-result.json", "qualitygate-summary.md"],
            Directory.GetFiles(Path.Combine(sample.Root, "reports")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = QgateProcess.Run(_directory.Path, "report", "--result", Fixture("passing-result.json"), "--format", "pdf", "--report-dir", "out");
        Assert.Equal(ExitCodes.UsageOrConfiguration, run.ExitCode);
        Assert.Contains("Unknown report format 'pdf'", run.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The failing fixture with one suite item's feature value replaced, as hostile data would arrive.</summary>
    public static string InjectFeatureValue(string value)
    {
        var json = File.ReadAllText(Fixture("failing-result.json"));
        const string Marker = "\"value\": \"1.32\"";
        Assert.Contains(Marker, json, StringComparison.Ordinal);
        return json.Replace(Marker, $"\"value\": {System.Text.Json.JsonSerializer.Serialize(value)}", StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_shows_each_confusion_matrix_metrics_across_thresholds_calibration_and_folds_long_lists()
    {
        var report = Load("failing-result.json");
        var html = Encoding.UTF8.GetString(HtmlReport.Render(report));
        var heldout = report.DataSets[0].Confusion;
        Assert.Contains($"<table id=\"confusion-heldout\" class=\"confusion\"><caption>heldout: {heldout.Total} examples</caption>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th>positive</th><td class=\"num\">{heldout.TruePositives}</td><td class=\"num\">{heldout.FalseNegatives}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th>negative</th><td class=\"num\">{heldout.FalsePositives}</td><td class=\"num\">{heldout.TrueNegatives}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"region-confusion-heldout\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-thresholds-heldout\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-calibration-heldout\"", html, StringComparison.Ordinal);
        Assert.True(report.Suite!.Broken.Count > 20);
        Assert.Contains($"<details id=\"suite-broken-list\"><summary>Show all {report.Suite.Broken.Count}</summary>", html, StringComparison.Ordinal);
    }
}
