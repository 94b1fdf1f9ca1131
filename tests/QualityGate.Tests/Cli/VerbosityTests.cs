using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Cli;

/// <summary><c>--verbosity</c>, <c>-q</c> and <c>--no-color</c>, on every command.</summary>
public sealed class VerbosityTests
{
    [Fact]
    public void Quiet_prints_the_findings_and_the_verdict_and_nothing_else()
    {
        using var sample = new SampleCopy();
        var quiet = QgateProcess.Run(sample.Root, "check", "-q", "--model", sample.WeakModel);
        Assert.Equal(ExitCodes.GateFailed, quiet.ExitCode);
        var lines = quiet.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Equal("Gate FAILED (exit code 1)", lines[^1]);
        Assert.All(lines[..^1], line => Assert.Matches(@"^qualitygate\.yml\(\d+,\d+\): (error|warning) QG1\d{3}: ", line));
        Assert.Equal(string.Empty, quiet.StandardError);

        var minimal = QgateProcess.Run(sample.Root, "check", "--verbosity", "minimal");
        Assert.Equal(["Result     artifacts/qualitygate/qualitygate-result.json", "Gate PASSED (exit code 0)"], minimal.StandardOutput.TrimEnd('\n').Split('\n'));

        var normal = QgateProcess.Run(sample.Root, "check");
        Assert.Contains("Threshold  0.5", normal.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("qgate: Scoring data/heldout.csv", normal.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verbosity_is_a_usage_error_and_no_color_is_accepted_everywhere()
    {
        using var sample = new SampleCopy();
        var loud = QgateProcess.Run(sample.Root, "check", "--verbosity", "loud");
        Assert.Equal(ExitCodes.UsageOrConfiguration, loud.ExitCode);
        Assert.Contains("Argument 'loud' not recognized", loud.StandardError, StringComparison.Ordinal);

        foreach (var command in new[] { "check", "mine", "explain" })
        {
            var run = QgateProcess.Run(sample.Root, command, "--no-color");
            Assert.True(run.ExitCode == ExitCodes.Passed, run.All);
            Assert.DoesNotContain('\u001b', run.StandardOutput);
        }
    }
}
