namespace QualityGate.Tests.Support;

/// <summary>Configs written into a test's folder that point at the sample's model and data by absolute path.</summary>
internal static class SampleConfigs
{
    public static string SampleModel => Path.Combine(RepositoryPaths.Sample, "model", "spam.zip");

    public static string WeakModel => Path.Combine(RepositoryPaths.Sample, "model", "spam-weak.zip");

    /// <summary>A config for an ML.NET model on the held-out split; <paramref name="limits"/> is the indented body of <c>limits.heldout</c>.</summary>
    public static string ForModel(string modelPath, string limits = "    fpr: { max: 0.05 }\n", string? inputs = "make..capitalTotal", string heldout = "", string extra = "")
    {
        var data = heldout.Length > 0 ? heldout : RepositoryPaths.SpambaseHeldout;
        var inputsYaml = inputs is null ? string.Empty : $"  inputs:\n    Features: {inputs}\n";
        return $"""
            version: 1
            model:
              path: {modelPath}
            {inputsYaml}label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            data:
              heldout: {data}
            threshold: 0.5
            region: {"{"} quantile: 0.05 {"}"}
            {extra}limits:
              heldout:
            {limits}
            """;
    }
}
