using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Cli;

/// <summary><c>qgate init</c> gives a newcomer a working gate: today's model passes, a clearly weaker one fails.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Check_right_after_init_passes_and_a_weaker_model_fails()
    {
        var config = _directory.File("qualitygate.yml");
        var init = QgateProcess.InitOnSample(_directory.Path, config);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.All);
        var yaml = File.ReadAllText(config);
        Assert.Contains("Features: \"make..capitalTotal\"", yaml, StringComparison.Ordinal);
        Assert.Contains("region.fpr: { max:", yaml, StringComparison.Ordinal);
        Assert.Contains(": today 0.", yaml, StringComparison.Ordinal);
        Assert.Contains("99% bound", yaml, StringComparison.Ordinal);

        var check = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.True(check.ExitCode == ExitCodes.Passed, check.All);

        File.WriteAllText(config, yaml.Replace("spam.zip", "spam-weak.zip", StringComparison.Ordinal));
        var weak = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.Equal(ExitCodes.GateFailed, weak.ExitCode);
        Assert.Contains("error QG1001: heldout fpr broke its limit", weak.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("error QG1001: heldout auc broke its limit", weak.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_does_not_overwrite_an_existing_config()
    {
        var config = _directory.Write("qualitygate.yml", "# mine\n");
        var init = QgateProcess.InitOnSample(_directory.Path, config);
        Assert.Equal(ExitCodes.UsageOrConfiguration, init.ExitCode);
        Assert.Equal("# mine\n", File.ReadAllText(config));
    }
}
