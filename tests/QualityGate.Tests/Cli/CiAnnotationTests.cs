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
