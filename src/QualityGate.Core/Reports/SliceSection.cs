using System.Text.Json;

namespace QualityGate.Reports;

/// <summary>A slice as the reports show it, read back from the JSON result.</summary>
public sealed record SliceRow(string DataSet, string Name, string Status, long Count, long Positives, bool TooSmall, IReadOnlyDictionary<string, MetricCell> Metrics)
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
            e.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => MetricCell.Read(p.Value)!, StringComparer.Ordinal)))];
    }

    public string Label => $"{DataSet}[{Name}]";

    /// <summary>What the slice table says besides the numbers: new, missing, or too small to decide.</summary>
    public string Note => Status switch
    {
        "missing" => "missing: in the baseline, not in the data",
        "new" => TooSmall ? "new; too small to decide" : "new: not in the baseline",
        _ => TooSmall ? "too small to decide" : string.Empty,
    };
}
