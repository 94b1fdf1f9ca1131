using System.Text.Json;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Onnx;

/// <summary>Everything besides scoring works the same for an ONNX model: check, mining, bless, explain, through the real program.</summary>
[Collection(OnnxModelsGroup.Name)]
public sealed class OnnxWorkflowTests(OnnxModels models)
{
    [Fact]
    public void Mining_with_the_onnx_model_adds_the_same_items_as_with_the_mlnet_model()
    {
        using var zip = new SampleCopy(withSuite: false, withBaseline: false);
        using var onnx = OnnxCopy(withSuite: false, withBaseline: false);

        Assert.Equal(0, QgateProcess.Run(zip.Root, "mine").ExitCode);
        var mined = QgateProcess.Run(onnx.Root, "mine");
        Assert.Equal(0, mined.ExitCode);

        // Same items, same status, same source; only the mining model's hash differs.
        Assert.Equal(Items(zip.SuitePath), Items(onnx.SuitePath));
        Assert.True(Items(onnx.SuitePath).Count > 20);
    }

    [Fact]
    public void Checked_against_the_blessed_mlnet_model_the_onnx_conversion_gets_its_verdicts()
    {
        using var zip = new SampleCopy();
        using var onnx = OnnxCopy();
        var fromZip = QgateProcess.Run(zip.Root, "check", "--report-dir", "out");

        // The committed baseline was blessed with the ML.NET model: the conversion is a candidate against it.
        var fromOnnx = QgateProcess.Run(onnx.Root, "check", "--report-dir", "out");

        Assert.Equal(0, fromOnnx.ExitCode);
        Assert.Equal(fromZip.ExitCode, fromOnnx.ExitCode);
        Assert.Equal(Verdicts(zip), Verdicts(onnx));
        Assert.Contains("suite.pinned_regressed", fromOnnx.StandardOutput, StringComparison.Ordinal);

        // And blessed itself, it gates the same way.
        Assert.Equal(0, QgateProcess.Run(onnx.Root, "bless").ExitCode);
        Assert.Equal(0, QgateProcess.Run(onnx.Root, "check", "--report-dir", "out").ExitCode);
        Assert.Equal(Verdicts(zip), Verdicts(onnx));
    }

    [Fact]
    public void Explain_ranks_the_same_features_for_the_onnx_model()
    {
        using var zip = new SampleCopy();
        using var onnx = OnnxCopy();
        Assert.Equal(0, QgateProcess.Run(zip.Root, "explain", "--report-dir", "out").ExitCode);
        Assert.Equal(0, QgateProcess.Run(onnx.Root, "explain", "--report-dir", "out").ExitCode);

        static List<string> Names(SampleCopy sample, string section, string key)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Root, "out", "qualitygate-result.json")));
            return [.. json.RootElement.GetProperty("explain").GetProperty(section).EnumerateArray().Select(f => f.GetProperty(key).GetString()!)];
        }

        Assert.Equal(Names(zip, "features", "name"), Names(onnx, "features", "name"));

        // Region importance shuffles the region's rows: a score that differs in the last float digit
        // can move a row across the region's edge and so change every shuffle. The same groups
        // lead, in close to the same order.
        var fromZip = Importance(zip);
        var fromOnnx = Importance(onnx);
        Assert.Equal(fromZip.Keys.Order(), fromOnnx.Keys.Order());
        Assert.Equal(Top(fromZip, 5), Top(fromOnnx, 5));
    }

    private static IEnumerable<string> Top(Dictionary<string, double> importance, int count) =>
        importance.OrderByDescending(p => p.Value).Take(count).Select(p => p.Key).Order(StringComparer.Ordinal);

    private static Dictionary<string, double> Importance(SampleCopy sample)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Root, "out", "qualitygate-result.json")));
        return json.RootElement.GetProperty("explain").GetProperty("regionImportance").EnumerateArray()
            .ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("scoreChange").GetDouble());
    }

    private SampleCopy OnnxCopy(bool withSuite = true, bool withBaseline = true)
    {
        var copy = new SampleCopy(withSuite, withBaseline);
        // The tests' own conversion, in place of the sample's committed one.
        File.Copy(models.VectorModel, Path.Combine(copy.Root, "model", "spam.onnx"), overwrite: true);
        copy.EditConfig(yaml => yaml.Replace("path: model/spam.zip", "path: model/spam.onnx", StringComparison.Ordinal));
        return copy;
    }

    private static List<string> Items(string suite) =>
        [.. File.ReadAllLines(suite).Skip(1).Select(line => line.Split(',')).Select(f => string.Join(',', f[58], f[59], f[63]))];

    private static List<string> Verdicts(SampleCopy sample)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Root, "out", "qualitygate-result.json")));
        var root = json.RootElement;
        return [.. root.GetProperty("limits").EnumerateArray().Concat(root.GetProperty("regression").GetProperty("checks").EnumerateArray())
            .Select(l => l.GetProperty("verdict").GetString()!)];
    }
}
