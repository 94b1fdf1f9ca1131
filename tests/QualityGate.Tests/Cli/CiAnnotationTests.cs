using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Cli;

/// <summary>Under a CI system, each finding is also that system's annotation at the YAML line, and the summary lands on the job page.</summary>
public sealed class CiAnnotationTests
{
    [Fact]
    public void Under_github_actions_findings_are_annotations_and_the_summary_is_appended()
    {
        using var sample = new SampleCopy();
        var summary = Path.Combine(sample.Root, "step-summary.md");
        File.WriteAllText(summary, "earlier step\n");
        var run = QgateProcess.Run(sample.Root, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, "check", "--model", sample.WeakModel);

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        Assert.Contains("::error file=qualitygate.yml,line=28,col=5,title=QG1001::heldout fpr broke its limit: fpr = 0.0817", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("::error file=qualitygate.yml,line=52,col=5,title=QG1003::regression suite.pinned_regressed broke its limit", run.StandardOutput, StringComparison.Ordinal);

        // The canonical line stays, for logs and IDEs.
        Assert.Contains("qualitygate.yml(28,5): error QG1001: heldout fpr broke its limit", run.StandardOutput, StringComparison.Ordinal);
        var page = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n## ❌ QualityGate failed", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_azure_pipelines_findings_are_logging_commands_and_elsewhere_there_are_none()
    {
        using var sample = new SampleCopy();
        var azure = QgateProcess.Run(sample.Root, new Dictionary<string, string> { ["TF_BUILD"] = "True" }, "check", "--model", sample.WeakModel);
        Assert.Contains("##vso[task.logissue type=error;sourcepath=qualitygate.yml;linenumber=28;columnnumber=5;code=QG1001]heldout fpr broke its limit", azure.StandardOutput, StringComparison.Ordinal);

        var plain = QgateProcess.Run(sample.Root, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "", ["TF_BUILD"] = "" }, "check", "--model", sample.WeakModel);
        Assert.DoesNotContain("::error", plain.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("##vso", plain.StandardOutput, StringComparison.Ordinal);
    }
}

/// <summary>GitLab's Code Quality report: each finding at its YAML line, the same bytes for the same result.</summary>
public sealed class CodeQualityReportTests
{
    [Fact]
    public void Findings_are_code_quality_issues_at_their_yaml_lines()
    {
        using var sample = new SampleCopy();
        var weak = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel, "--format", "codequality", "--report-dir", "out");
        Assert.Equal(ExitCodes.GateFailed, weak.ExitCode);
        var path = Path.Combine(sample.Root, "out", "qualitygate-codequality.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        var issues = json.RootElement.EnumerateArray().ToList();
        var fpr = Assert.Single(issues, i => i.GetProperty("description").GetString()!.StartsWith("heldout fpr broke its limit", StringComparison.Ordinal));
        Assert.Equal("QG1001", fpr.GetProperty("check_name").GetString());
        Assert.Equal("major", fpr.GetProperty("severity").GetString());
        Assert.Equal("qualitygate.yml", fpr.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(28, fpr.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());

        var first = File.ReadAllBytes(path);
        QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel, "--format", "codequality", "--report-dir", "out");
        Assert.Equal(first, File.ReadAllBytes(path));

        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "check", "--format", "codequality", "--report-dir", "out").ExitCode);
        Assert.Equal("[]", File.ReadAllText(path).Trim());
    }
}
