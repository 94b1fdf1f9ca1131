using System.Text.Json;
using QualityGate.Explain;

namespace QualityGate.Results;

/// <summary>The <c>explain</c> section of the JSON result, written by <c>qgate explain</c>; null otherwise.</summary>
internal static class ExplainJson
{
    public static void Write(Utf8JsonWriter json, Explanation? explanation)
    {
        if (explanation is null)
        {
            json.WriteNull("explain");
            return;
        }

        json.WriteStartObject("explain");
        ResultJson.Number(json, "hardFrom", explanation.HardFrom);
        json.WriteNumber("seed", explanation.Settings.Seed);
        json.WriteNumber("sample", explanation.Settings.Sample);
        json.WriteNumber("repeats", explanation.Settings.Repeats);
        json.WriteStartObject("groups");
        foreach (var group in explanation.Groups)
        {
            json.WriteStartObject(GroupName(group.Group));
            json.WriteNumber("heldout", group.Heldout);
            json.WriteNumber("suite", group.Suite);
            json.WriteNumber("sampled", group.Sampled);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("examples", explanation.RegionExamples);
        json.WriteNumber("sampled", explanation.RegionSampled);
        json.WriteEndObject();

        json.WriteStartArray("features");
        foreach (var feature in explanation.Features)
        {
            WriteFeature(json, feature);
        }

        json.WriteEndArray();

        if (explanation.Importance is { } importance)
        {
            json.WriteStartArray("regionImportance");
            foreach (var group in importance)
            {
                json.WriteStartObject();
                json.WriteString("group", group.Group.Name);
                json.WriteNumber("slots", group.Group.Columns.Count);
                ResultJson.Number(json, "scoreChange", group.ScoreChange);
                ResultJson.Number(json, "errorRateChange", group.ErrorRateChange);
                ResultJson.Number(json, "flipShare", group.FlipShare);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("regionImportance");
        }

        json.WriteStartArray("distributions");
        foreach (var distribution in explanation.Distributions)
        {
            json.WriteStartObject();
            json.WriteString("feature", distribution.Feature);
            ResultJson.Number(json, "low", distribution.Low);
            ResultJson.Number(json, "high", distribution.High);
            Shares(json, "hardNegatives", distribution.Hard);
            Shares(json, "easyNegatives", distribution.Easy);
            Shares(json, "positives", distribution.Positives);
            if (distribution.ZeroShares is { } zeros)
            {
                json.WriteStartObject("zerosApart");
                ResultJson.Number(json, "hardNegatives", zeros[0]);
                ResultJson.Number(json, "easyNegatives", zeros[1]);
                ResultJson.Number(json, "positives", zeros[2]);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("zerosApart");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        ResultJson.WriteStrings(json, "notes", explanation.Notes);
        json.WriteEndObject();
    }

    public static string GroupName(ExampleGroup group) => group switch
    {
        ExampleGroup.HardNegative => "hardNegatives",
        ExampleGroup.EasyNegative => "easyNegatives",
        _ => "positives",
    };

    private static void WriteFeature(Utf8JsonWriter json, FeatureComparison feature)
    {
        json.WriteStartObject();
        json.WriteString("name", feature.Feature.Name);
        if (feature.Feature.ModelInput is { } input)
        {
            json.WriteBoolean("modelInput", input);
        }
        else
        {
            json.WriteNull("modelInput");
        }

        ResultJson.Number(json, "pull", feature.Pull);
        ResultJson.Number(json, "hardVsEasy", feature.HardVsEasy);
        ResultJson.Number(json, "hardVsPositives", feature.HardVsPositives);
        ResultJson.Number(json, "positivesVsEasy", feature.PositivesVsEasy);
        Summary(json, "hardNegatives", feature.Hard);
        Summary(json, "easyNegatives", feature.Easy);
        Summary(json, "positives", feature.Positives);
        json.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter json, string name, GroupSummary summary)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", summary.Count);
        ResultJson.Number(json, "missing", summary.MissingShare);
        ResultJson.Number(json, "zero", summary.ZeroShare);
        ResultJson.NullableNumber(json, "mean", summary.Mean);
        ResultJson.NullableNumber(json, "sd", summary.StandardDeviation);
        ResultJson.NullableNumber(json, "p10", summary.P10);
        ResultJson.NullableNumber(json, "p25", summary.P25);
        ResultJson.NullableNumber(json, "median", summary.Median);
        ResultJson.NullableNumber(json, "p75", summary.P75);
        ResultJson.NullableNumber(json, "p90", summary.P90);
        json.WriteEndObject();
    }

    private static void Shares(Utf8JsonWriter json, string name, IReadOnlyList<double> shares)
    {
        json.WriteStartArray(name);
        foreach (var share in shares)
        {
            json.WriteNumberValue(share);
        }

        json.WriteEndArray();
    }
}
