using System.Text.Json;

namespace QualityGate.Reports;

/// <summary>A slice as the reports show it, read back from the JSON result.</summary>
/// <param name="Verdict">Of the slice's limits and checks; empty when none names it.</param>
/// <param name="Note">New, missing, or too small to decide; empty otherwise.</param>
public sealed record SliceRow(string DataSet, string Name, string Status, long Count, long Positives, bool TooSmall, string Verdict, string Note, IReadOnlyDictionary<string, MetricCell> Metrics)
{
    public static IReadOnlyList<SliceRow>? ReadAll(JsonElement root)
    {
        if (!root.TryGetProperty("slices", out var slices) || slices.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return [.. slices.GetProperty("items").EnumerateArray().Select(e => new SliceRow(
            e.GetProperty("dataSet").GetString()!,
            e.GetProperty("name").GetString()!,
            e.GetProperty("status").GetString()!,
            e.GetProperty("count").GetInt64(),
            e.GetProperty("positives").GetInt64(),
            e.GetProperty("tooSmall").GetBoolean(),
            e.GetProperty("verdict").GetString() ?? string.Empty,
            e.GetProperty("note").GetString()!,
            e.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => MetricCell.Read(p.Value)!, StringComparer.Ordinal)))];
    }

    public string Label => $"{DataSet}[{Name}]";
}
