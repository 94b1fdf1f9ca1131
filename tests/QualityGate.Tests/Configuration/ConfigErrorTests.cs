using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Tests.Configuration;

/// <summary>Every configuration mistake names file, line and column, and a misspelt key gets a suggestion.</summary>
public sealed class ConfigErrorTests
{
    private const string Valid = """
        version: 1
        model: { path: model.zip }
        label: Label
        data: { heldout: heldout.csv }
        threshold: 0.5
        region: { width: 0.1 }
        limits:
          heldout:
            fpr: { max: 0.05 }
        """;

    private static ConfigurationException Fails(string yaml) =>
        Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(yaml, "/repo/qualitygate.yml"));

    [Fact]
    public void The_valid_config_parses()
    {
        var config = ConfigLoader.Parse(Valid, "/repo/qualitygate.yml");
        Assert.Equal("/repo/model.zip", config.Model.Path);
        Assert.Equal("/repo/heldout.csv", config.Data.Heldout);
        var limit = Assert.Single(config.Limits);
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 9, 5), limit.Location);
    }

    [Fact]
    public void An_unknown_key_names_its_place_and_the_closest_valid_key()
    {
        var error = Fails(Valid.Replace("threshold: 0.5", "treshold: 0.5", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigUnknownKey, error.Code);
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 5, 1), error.Location);
        Assert.Equal("Did you mean 'threshold'?", error.Hint);
        Assert.StartsWith("/repo/qualitygate.yml(5,1): error QG2002: Unknown key 'treshold'.", error.ToDiagnostic(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_nested_key_is_qualified_and_suggested()
    {
        var error = Fails(Valid.Replace("fpr: { max: 0.05 }", "fpr: { maximum: 0.05 }", StringComparison.Ordinal));
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 9, 12), error.Location);
        Assert.Contains("limits.heldout.fpr.maximum", error.Message, StringComparison.Ordinal);
        Assert.Equal("Did you mean 'max'?", error.Hint);
    }

    [Fact]
    public void An_unknown_metric_suggests_the_closest_metric()
    {
        var error = Fails(Valid.Replace("fpr: { max", "region.fp: { max", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigUnknownMetric, error.Code);
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 9, 5), error.Location);
        Assert.Equal("Did you mean 'region.fpr'?", error.Hint);
    }

    [Fact]
    public void A_yaml_syntax_error_names_line_and_column()
    {
        var error = Fails(Valid.Replace("region: { width: 0.1 }", "region: { width: 0.1", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigSyntax, error.Code);
        Assert.Equal("/repo/qualitygate.yml", error.Location!.File);
        Assert.InRange(error.Location.Line, 6, 7);
        Assert.True(error.Location.Column > 0);
    }

    [Fact]
    public void A_wrong_type_names_the_key_and_the_expected_type()
    {
        var error = Fails(Valid.Replace("fpr: { max: 0.05 }", "fpr: { max: low }", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigWrongType, error.Code);
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 9, 17), error.Location);
        Assert.Equal("'limits.heldout.fpr.max' must be a number.", error.Message);
    }

    [Theory]
    [InlineData("region: { width: 0.1 }", "region: { width: -0.1 }", 6, 18, "'region.width' must be greater than 0")]
    [InlineData("region: { width: 0.1 }", "region: { quantile: 0.7 }", 6, 21, "'region.quantile' must be in (0, 0.5]")]
    [InlineData("fpr: { max: 0.05 }", "fpr: { max: 1.5 }", 9, 17, "is a rate between 0 and 1")]
    [InlineData("fpr: { max: 0.05 }", "fpr: { min: 0.2, max: 0.1 }", 9, 10, "no value can pass")]
    [InlineData("threshold: 0.5", "threshold: { at_fpr: 2 }", 5, 22, "must be between 0 and 1")]
    [InlineData("version: 1", "version: 2", 1, 10, "not supported")]
    public void An_impossible_value_names_its_place(string from, string to, int line, int column, string message)
    {
        var error = Fails(Valid.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigBadValue, error.Code);
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", line, column), error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_on_the_metric_the_threshold_target_fixes_is_rejected()
    {
        var error = Fails(Valid.Replace("threshold: 0.5", "threshold: { at_fpr: 0.01 }", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigConflict, error.Code);
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 9, 5), error.Location);
        Assert.Contains("cannot fail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_section_is_named()
    {
        var error = Fails(Valid.Replace("data: { heldout: heldout.csv }\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ConfigMissingKey, error.Code);
        Assert.Contains("'data' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_file_is_a_usage_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load("/nonexistent/qualitygate.yml"));
        Assert.Equal(ExitCodes.UsageOrConfiguration, error.ExitCode);
        Assert.Contains("qgate init", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_tags_do_not_instantiate_anything()
    {
        var error = Fails(Valid.Replace("label: Label", "label: !!python/object:os.system Label", StringComparison.Ordinal));
        Assert.Equal(new SourceLocation("/repo/qualitygate.yml", 3, 8), error.Location);
        Assert.Contains("tags", error.Message, StringComparison.Ordinal);
    }
}
