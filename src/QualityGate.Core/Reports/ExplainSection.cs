using System.Text.Json;

namespace QualityGate.Reports;

/// <summary>The JSON result's <c>explain</c> section, as the reports show it.</summary>
public sealed record ExplainSection(
    double HardFrom,
    int Top,
    int Repeats,
    IReadOnlyDictionary<string, int> GroupSizes,
    int RegionExamples,
    IReadOnlyList<ExplainedFeature> Features,
    IReadOnlyList<ExplainedGroup>? Importance,
    IReadOnlyList<ExplainedDistribution> Distributions,
    IReadOnlyList<string> Notes)
{
    public static ExplainSection? Read(JsonElement root)
    {
        if (!root.TryGetProperty("explain", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var importance = e.GetProperty("regionImportance");
        return new ExplainSection(
            e.GetProperty("hardFrom").GetDouble(),
            e.GetProperty("distributions").GetArrayLength(),
            e.GetProperty("repeats").GetInt32(),
            e.GetProperty("groups").EnumerateObject().ToDictionary(g => g.Name, g => g.Value.GetProperty("heldout").GetInt32() + g.Value.GetProperty("suite").GetInt32(), StringComparer.Ordinal),
            e.GetProperty("region").GetProperty("examples").GetInt32(),
            [.. e.GetProperty("features").EnumerateArray().Select(ExplainedFeature.Read)],
            importance.ValueKind == JsonValueKind.Array ? [.. importance.EnumerateArray().Select(ExplainedGroup.Read)] : null,
            [.. e.GetProperty("distributions").EnumerateArray().Select(ExplainedDistribution.Read)],
            [.. e.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)]);
    }
}

public sealed record ExplainedFeature(string Name, bool? ModelInput, double? Pull, double? HardVsPositives, double? MedianEasy, double? MedianHard, double? MedianPositives, double? ZeroEasy, double? ZeroHard, double? ZeroPositives)
{
    public static ExplainedFeature Read(JsonElement e)
    {
        var easy = e.GetProperty("easyNegatives");
        var hard = e.GetProperty("hardNegatives");
        var positives = e.GetProperty("positives");
        var input = e.GetProperty("modelInput");
        return new ExplainedFeature(
            e.GetProperty("name").GetString()!,
            input.ValueKind == JsonValueKind.Null ? null : input.GetBoolean(),
            ReportData.Number(e, "pull"),
            ReportData.Number(e, "hardVsPositives"),
            ReportData.Number(easy, "median"),
            ReportData.Number(hard, "median"),
            ReportData.Number(positives, "median"),
            ReportData.Number(easy, "zero"),
            ReportData.Number(hard, "zero"),
            ReportData.Number(positives, "zero"));
    }
}

public sealed record ExplainedGroup(string Name, double? ScoreChange, double? ErrorRateChange, double? FlipShare)
{
    public static ExplainedGroup Read(JsonElement e) => new(
        e.GetProperty("group").GetString()!, ReportData.Number(e, "scoreChange"), ReportData.Number(e, "errorRateChange"), ReportData.Number(e, "flipShare"));
}

/// <param name="ZeroShares">Hard, easy, positives: set when zeros are drawn apart from the bins.</param>
public sealed record ExplainedDistribution(string Feature, double Low, double High, IReadOnlyList<double> Hard, IReadOnlyList<double> Easy, IReadOnlyList<double> Positives, IReadOnlyList<double>? ZeroShares)
{
    public static ExplainedDistribution Read(JsonElement e)
    {
        static double[] Shares(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];
        return new ExplainedDistribution(
            e.GetProperty("feature").GetString()!, e.GetProperty("low").GetDouble(), e.GetProperty("high").GetDouble(),
            Shares(e.GetProperty("hardNegatives")), Shares(e.GetProperty("easyNegatives")), Shares(e.GetProperty("positives")),
            e.TryGetProperty("zerosApart", out var zeros) && zeros.ValueKind == JsonValueKind.Object
                ? [zeros.GetProperty("hardNegatives").GetDouble(), zeros.GetProperty("easyNegatives").GetDouble(), zeros.GetProperty("positives").GetDouble()]
                : null);
    }
}
