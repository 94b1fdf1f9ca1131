using System.Globalization;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Verbs;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Onnx;

/// <summary>The score outputs models trained elsewhere emit: a probability per class, and scikit-learn's label/probability map.</summary>
public sealed class OnnxOutputTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public OnnxOutputTests()
    {
        // Two "probability" columns per row, p0 + p1 = 1, and a label that mostly agrees with p1.
        var random = new Random(5);
        var text = new StringBuilder("Label,p0,p1\n");
        for (var row = 0; row < 400; row++)
        {
            var p1 = Math.Round(random.NextDouble(), 4);
            var positive = random.NextDouble() < (0.1 + (0.8 * p1));
            text.Append(CultureInfo.InvariantCulture, $"{(positive ? 1 : 0)},{(1 - p1).ToString("0.####", CultureInfo.InvariantCulture)},{p1.ToString(CultureInfo.InvariantCulture)}\n");
        }

        _directory.Write("data.csv", text.ToString());
        File.WriteAllBytes(_directory.File("per-class.onnx"), TinyOnnx.PerClassProbabilities());
        File.WriteAllBytes(_directory.File("zipmap.onnx"), TinyOnnx.ZipMap());
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1, "p1")]
    [InlineData(0, "p0")]
    public void A_probability_per_class_is_read_at_the_positive_class(int positiveClass, string column)
    {
        var onnx = Run($"model: {{ path: per-class.onnx, positive_class: {positiveClass}, inputs: {{ X: p0..p1 }} }}");
        var scores = Run($"model: {{ kind: scores, score_column: {column} }}");

        Assert.Equal("probabilities", onnx.Model.ScoreColumn);
        Assert.Equal(scores.Sets[0].Confusion, onnx.Sets[0].Confusion);
        Assert.Equal(scores.Sets[0].Find(new MetricName("auc"))!.Value, onnx.Sets[0].Find(new MetricName("auc"))!.Value, 1e-6);
    }

    [Fact]
    public void A_positive_class_beyond_the_outputs_columns_is_refused()
    {
        var error = Assert.Throws<DataException>(() => Run("model: { path: per-class.onnx, positive_class: 2, inputs: { X: p0..p1 } }"));
        Assert.Equal(ErrorCodes.ModelSchemaMismatch, error.Code);
        Assert.Contains("holds 2 values per row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_probability_map_is_read_at_the_positive_class()
    {
        var onnx = Run("model: { path: zipmap.onnx, inputs: { X: p0..p1 } }");
        var scores = Run("model: { kind: scores, score_column: p1 }");

        Assert.Equal("output_probability", onnx.Model.ScoreColumn);
        Assert.Equal(scores.Sets[0].Confusion, onnx.Sets[0].Confusion);
    }

    [Fact]
    public void A_map_without_the_positive_class_names_the_classes_it_has()
    {
        var error = Assert.Throws<DataException>(() => Run("model: { path: zipmap.onnx, positive_class: 7, inputs: { X: p0..p1 } }"));
        Assert.Equal(3, error.ExitCode);
        Assert.Contains("has no probability for class 7; its classes are: 0, 1", error.Message, StringComparison.Ordinal);
    }

    private GateResult Run(string model)
    {
        var yaml = $"version: 1\n{model}\nlabel: Label\ndata: {{ heldout: data.csv }}\nthreshold: 0.5\nregion: {{ width: 0.1 }}\n";
        return Check.Run(ConfigLoader.Parse(yaml, _directory.Write("qualitygate.yml", yaml)));
    }
}
