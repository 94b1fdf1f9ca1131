using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Verbs;
using QualityGate.Metrics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Onnx;

/// <summary>An ONNX model is gated exactly like the ML.NET model it was converted from.</summary>
[Collection(OnnxModelsGroup.Name)]
public sealed class OnnxScoringTests(OnnxModels models) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_converted_model_with_a_vector_input_gives_the_same_scores_and_verdicts()
    {
        var fromZip = Run(SampleConfigs.ForModel(SampleConfigs.SampleModel), "zip.yml");
        var fromOnnx = Run(SampleConfigs.ForModel(models.VectorModel), "onnx.yml");
        AssertSame(fromZip, fromOnnx);
        Assert.Equal("onnx", fromOnnx.Model.Kind);
    }

    [Fact]
    public void A_converted_model_with_scalar_inputs_is_fed_by_column_name()
    {
        var fromZip = Run(SampleConfigs.ForModel(models.ScalarZip, inputs: null), "zip.yml");
        var fromOnnx = Run(SampleConfigs.ForModel(models.ScalarModel, inputs: null), "onnx.yml");
        AssertSame(fromZip, fromOnnx);
    }

    [Fact]
    public void A_raw_score_output_is_gated_like_the_mlnet_models_score()
    {
        static string RawScore(string yaml) => yaml
            .Replace("  inputs:", "  score_column: Score\n  inputs:", StringComparison.Ordinal)
            .Replace("threshold: 0.5", "threshold: 0", StringComparison.Ordinal);
        var fromZip = Run(RawScore(SampleConfigs.ForModel(SampleConfigs.SampleModel)), "zip.yml");
        var fromOnnx = Run(RawScore(SampleConfigs.ForModel(models.VectorModel)), "onnx.yml");

        Assert.False(fromOnnx.Model.ScoresAreProbabilities);
        Assert.Equal("Score", fromOnnx.Model.ScoreColumn);
        AssertSame(fromZip, fromOnnx);
    }

    [Fact]
    public void A_vector_input_the_data_does_not_have_is_named_with_the_fix()
    {
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(models.VectorModel, inputs: null), "onnx.yml"));
        Assert.Equal(ErrorCodes.ModelSchemaMismatch, error.Code);
        Assert.Equal(3, error.ExitCode);
        Assert.Contains("Features (a vector of 57 Single)", error.Hint, StringComparison.Ordinal);
        Assert.Contains("model.inputs", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_of_the_wrong_width_names_the_config_line()
    {
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(models.VectorModel, inputs: "make..capitalLong"), "onnx.yml"));
        Assert.Equal(ErrorCodes.ModelSchemaMismatch, error.Code);
        Assert.Contains("a vector of 57 values", error.Message, StringComparison.Ordinal);
        Assert.Contains("selects 56 columns", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Location!.Line);
    }

    [Fact]
    public void An_output_that_does_not_exist_lists_the_outputs_there_are()
    {
        var yaml = SampleConfigs.ForModel(models.VectorModel).Replace("  inputs:", "  score_column: Confidence\n  inputs:", StringComparison.Ordinal);
        var error = Assert.Throws<DataException>(() => Run(yaml, "onnx.yml"));
        Assert.Equal(3, error.ExitCode);
        Assert.Contains("has no output 'Confidence'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Probability.output (a Single tensor [", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_onnx_model_is_a_model_error()
    {
        var path = _directory.Write("broken.onnx", "this is not a protobuf");
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(path), "onnx.yml"));
        Assert.Equal(ErrorCodes.ModelUnreadable, error.Code);
        Assert.Equal(3, error.ExitCode);
        Assert.Contains("is not a readable ONNX model", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSame(GateResult expected, GateResult actual)
    {
        var (a, b) = (expected.Sets[0], actual.Sets[0]);
        Assert.Equal(a.Confusion, b.Confusion);
        Assert.Equal(a.Region.Total, b.Region.Total);
        Assert.Equal(a.Find(new MetricName("auc"))!.Value, b.Find(new MetricName("auc"))!.Value, 1e-6);
        if (expected.Model.ScoresAreProbabilities)
        {
            Assert.Equal(a.Find(new MetricName("log_loss"))!.Value, b.Find(new MetricName("log_loss"))!.Value, 1e-5);
        }

        Assert.Equal(expected.Limits.Select(l => l.Verdict), actual.Limits.Select(l => l.Verdict));
        // Float precision is relative: raw scores run to +-10, probabilities to 1.
        Assert.Equal(expected.OperatingPoint.RegionLow, actual.OperatingPoint.RegionLow, 1e-6 * Math.Max(1, Math.Abs(expected.OperatingPoint.RegionLow)));
    }

    private GateResult Run(string yaml, string name) => Check.Run(ConfigLoader.Parse(yaml, _directory.Write(name, yaml)));
}
