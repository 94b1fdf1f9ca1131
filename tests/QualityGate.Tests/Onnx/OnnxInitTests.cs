using QualityGate.Tests.Support;

namespace QualityGate.Tests.Onnx;

/// <summary><c>qgate init</c> on an ONNX model proposes its input mapping and its score output, and the config works.</summary>
[Collection(OnnxModelsGroup.Name)]
public sealed class OnnxInitTests(OnnxModels models) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Init_maps_the_vector_input_to_the_columns_and_names_the_score_output()
    {
        File.Copy(models.VectorModel, _directory.File("spam.onnx"));
        File.Copy(RepositoryPaths.SpambaseHeldout, _directory.File("heldout.csv"));

        var init = QgateProcess.Run(_directory.Path, "init", "--model", "spam.onnx", "--data", "heldout.csv", "--label", "Label", "-o", "qualitygate.yml");
        Assert.Equal(0, init.ExitCode);
        var yaml = File.ReadAllText(_directory.File("qualitygate.yml"));
        Assert.Contains("path: \"spam.onnx\"", yaml, StringComparison.Ordinal);
        Assert.Contains("score_column: \"Probability\"", yaml, StringComparison.Ordinal);
        Assert.Contains("Features: \"make..capitalTotal\"", yaml, StringComparison.Ordinal);

        // The proposal is measured on today's model, so the same model passes it.
        var check = QgateProcess.Run(_directory.Path, "check");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("spam.onnx", check.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_add_on_an_onnx_model_says_what_to_install()
    {
        File.Copy(models.VectorModel, _directory.File("spam.onnx"));
        var config = SampleConfigs.ForModel("spam.onnx");
        _directory.Write("qualitygate.yml", config);
        var empty = Directory.CreateDirectory(_directory.File("empty")).FullName;

        var check = QgateProcess.Run(_directory.Path, new Dictionary<string, string> { ["QUALITYGATE_ADDONS"] = empty, ["NUGET_PACKAGES"] = empty }, "check");

        Assert.Equal(3, check.ExitCode);
        Assert.Contains("ONNX support is an add-on that is not installed", check.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotnet add package QualityGate.Onnx --version", check.StandardError, StringComparison.Ordinal);
        Assert.Contains("qualitygate.yml(3,", check.StandardError, StringComparison.Ordinal);
    }
}
