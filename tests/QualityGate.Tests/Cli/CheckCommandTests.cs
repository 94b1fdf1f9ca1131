using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Cli;

/// <summary>The qgate program end to end, as a user runs it: exit codes, messages, the JSON result.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_shipped_sample_config_passes()
    {
        var result = QgateProcess.Run(RepositoryPaths.Root, "check", "-c", "samples/spam/qualitygate.yml", "--report-dir", _directory.Path);
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        Assert.Contains("Gate PASSED", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("region.fpr", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(_directory.File("qualitygate-result.json")));
    }

    [Fact]
    public void Every_documented_model_kind_is_accepted()
    {
        using var sample = new SampleCopy();
        sample.EditConfig(yaml => yaml.Replace("  path: model/spam.zip", "  path: model/spam.zip\n  kind: mlnet", StringComparison.Ordinal));
        var mlnet = QgateProcess.Run(sample.Root, "check");
        Assert.True(mlnet.ExitCode == ExitCodes.Passed, mlnet.All);

        sample.EditConfig(yaml => yaml.Replace("kind: mlnet", "kind: onnx", StringComparison.Ordinal).Replace("model/spam.zip", "model/spam.onnx", StringComparison.Ordinal));
        var onnx = QgateProcess.Run(sample.Root, "check");
        Assert.True(onnx.ExitCode == ExitCodes.Passed, onnx.All);
    }

    [Fact]
    public void A_stricter_limit_fails_with_exit_code_1_and_names_the_limit_at_its_yaml_line()
    {
        var config = _directory.Write("qualitygate.yml", SampleConfigs.ForModel(SampleConfigs.SampleModel, "    recall: { min: 0.5 }\n    fpr: { max: 0.005 }\n"));
        var result = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.True(result.ExitCode == ExitCodes.GateFailed, result.All);
        Assert.Contains($"{config}(14,5): error QG1001: heldout fpr broke its limit", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("heldout recall broke", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Gate FAILED", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_yaml_exits_2_naming_file_line_and_column()
    {
        var config = _directory.Write("qualitygate.yml", "version: 1\nmodel:\n  path: [unclosed\nlabel: Label\n");
        var result = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Matches(@"qualitygate\.yml\(\d+,\d+\): error QG2001: YAML syntax error", result.StandardError);
    }

    [Fact]
    public void A_missing_model_exits_3_naming_the_config_line()
    {
        var config = _directory.Write("qualitygate.yml", SampleConfigs.ForModel(_directory.File("missing.zip")));
        var result = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains($"{config}(3,9): error QG3007: The model 'missing.zip' does not exist.", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var result = QgateProcess.Run(_directory.Path, "check", "--confg", "x.yml");
        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Contains("QG2009", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconclusive_limit_warns_by_default_and_fails_when_configured_to()
    {
        // The region holds about 80 positives, far fewer than the 5000 this limit asks for.
        var limits = "    region.fnr: { max: 0.9, min_count: 5000 }\n";
        var warn = _directory.Write("warn.yml", SampleConfigs.ForModel(SampleConfigs.SampleModel, limits));
        var warned = QgateProcess.Run(_directory.Path, "check", "-c", warn);
        Assert.True(warned.ExitCode == ExitCodes.Passed, warned.All);
        Assert.Contains("warning QG1002: heldout region.fnr is inconclusive", warned.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("at least 5000 are needed", warned.StandardOutput, StringComparison.Ordinal);
        var row = warned.StandardOutput.Split('\n').Single(l => l.TrimStart().StartsWith("heldout   region.fnr", StringComparison.Ordinal));
        Assert.EndsWith("inconclusive", row.TrimEnd(), StringComparison.Ordinal);

        var fail = _directory.Write("fail.yml", SampleConfigs.ForModel(SampleConfigs.SampleModel, limits, extra: "inconclusive: fail\n"));
        var failed = QgateProcess.Run(_directory.Path, "check", "-c", fail);
        Assert.Equal(ExitCodes.GateFailed, failed.ExitCode);
        Assert.Contains("error QG1002", failed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_result_is_byte_identical_across_runs_and_cultures()
    {
        var config = _directory.Write("qualitygate.yml", SampleConfigs.ForModel(SampleConfigs.SampleModel, "    fpr: { max: 0.05 }\n    f1: { min: 0.9 }\n"));
        var first = QgateProcess.Run(_directory.Path, "check", "-c", config, "--report-dir", "one");
        var german = QgateProcess.Run(_directory.Path, new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" }, "check", "-c", config, "--report-dir", "two");
        Assert.True(first.ExitCode == 0 && german.ExitCode == 0, first.All + german.All);
        var one = File.ReadAllBytes(_directory.File("one/qualitygate-result.json"));
        var two = File.ReadAllBytes(_directory.File("two/qualitygate-result.json"));
        Assert.Equal(one, two);
        Assert.Contains("\"value\": 0.5,", System.Text.Encoding.UTF8.GetString(one), StringComparison.Ordinal);
    }
}
