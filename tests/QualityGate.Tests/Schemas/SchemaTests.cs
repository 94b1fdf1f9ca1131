using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Results;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Schemas;

/// <summary>
/// The published JSON Schemas describe what qgate reads and writes: the sample's config and one
/// init writes validate, a misspelt key or a wrong value does not, every real result validates,
/// and the published files are the ones qgate builds in.
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static string Published(string name) => Path.Combine(RepositoryPaths.Root, "docs", "schemas", name);

    private static JsonSchema Config => JsonSchema.FromText(File.ReadAllText(Published(ConfigSchema.FileName)));

    private static EvaluationResults Validate(JsonSchema schema, JsonNode? instance) =>
        schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void The_published_result_schema_is_the_one_generated_from_the_result_types()
    {
        var path = Published(ResultSchema.FileName);
        if (Environment.GetEnvironmentVariable("QUALITYGATE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, ResultSchema.Text);
        }

        Assert.Equal(File.ReadAllText(path), ResultSchema.Text);
    }

    [Fact]
    public void The_config_schema_built_into_qgate_is_the_published_one()
    {
        Assert.Equal(File.ReadAllText(Published(ConfigSchema.FileName)), ConfigSchema.Text);
        var printed = QgateProcess.Run(_directory.Path, "schema", "config");
        Assert.True(printed.ExitCode == ExitCodes.Passed, printed.All);
        Assert.Equal(ConfigSchema.Text, printed.StandardOutput);
    }

    [Theory]
    [InlineData("passing-result.json")]
    [InlineData("failing-result.json")]
    public void Real_results_validate_against_the_result_schema(string fixture)
    {
        var schema = JsonSchema.FromText(ResultSchema.Text);
        var fresh = ResultJson.Serialize(ResultJson.Read(File.ReadAllBytes(Reports.ReportTests.Fixture(fixture)), fixture));
        var results = Validate(schema, JsonNode.Parse(fresh));
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fresh_result_of_a_passing_and_of_a_failing_model_validates(bool weak)
    {
        using var sample = new SampleCopy();
        var check = weak
            ? QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel, "--update-suite", "--format", "json")
            : QgateProcess.Run(sample.Root, "check", "--format", "json");
        Assert.True(check.ExitCode == (weak ? ExitCodes.GateFailed : ExitCodes.Passed), check.All);
        var result = Directory.GetFiles(sample.Root, "qualitygate-result.json", SearchOption.AllDirectories).Single();
        var results = Validate(JsonSchema.FromText(ResultSchema.Text), JsonNode.Parse(File.ReadAllText(result)));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void A_result_with_a_misspelt_verdict_does_not_validate()
    {
        var schema = JsonSchema.FromText(ResultSchema.Text);
        var json = JsonNode.Parse(File.ReadAllText(Reports.ReportTests.Fixture("passing-result.json")))!;
        json["verdict"] = "passd";
        Assert.False(Validate(schema, json).IsValid);
    }

    [Fact]
    public void The_sample_config_validates_against_the_config_schema()
    {
        var results = Validate(Config, YamlAsJson.Convert(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "spam", "qualitygate.yml"))));
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("limits:", "limts:")]
    [InlineData("evidence: significant", "evidence: signficant")]
    [InlineData("region: { quantile: 0.05 }", "region: { quantile: high }")]
    public void A_misspelt_key_or_a_wrong_value_does_not_validate(string from, string to)
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "spam", "qualitygate.yml"));
        var yaml = sample.Contains(from, StringComparison.Ordinal) ? sample.Replace(from, to, StringComparison.Ordinal) : sample + to + "\n";
        Assert.False(Validate(Config, YamlAsJson.Convert(yaml)).IsValid, yaml);
    }

    [Fact]
    public void Init_points_editors_at_the_schema_it_writes_beside_the_config_and_its_config_validates()
    {
        var config = _directory.File("qualitygate.yml");
        var init = QgateProcess.InitOnSample(_directory.Path, config);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.All);
        var yaml = File.ReadAllText(config);
        Assert.StartsWith("# yaml-language-server: $schema=qualitygate.schema.json\n", yaml, StringComparison.Ordinal);
        Assert.Equal(ConfigSchema.Text, File.ReadAllText(_directory.File(ConfigSchema.FileName)));
        var results = Validate(Config, YamlAsJson.Convert(yaml));
        Assert.True(results.IsValid, Errors(results));
    }
}
