using System.Text.Json.Serialization;
using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>Every slice with its status, size and key rates; every limit on a slice is in <see cref="ResultDocument.Limits"/> besides.</summary>
public sealed record SlicesSection(int MinSize, IReadOnlyList<SliceRow> Items)
{
    /// <summary>The rates a slice row shows.</summary>
    public static readonly string[] Shown = ["fpr", "fnr", "recall", "region.share", "region.fpr", "region.fnr", "region.error_rate"];
}

/// <param name="Verdict">Of the slice's limits and checks; null when none names it.</param>
/// <param name="Note">New, missing, or too small to decide; empty otherwise.</param>
public sealed record SliceRow(string DataSet, string Column, string Name, string Status, long Count, long Positives, bool TooSmall, Verdict? Verdict, string Note, IReadOnlyDictionary<string, MetricCell> Metrics)
{
    [JsonIgnore]
    public string Label => $"{DataSet}[{Name}]";
}
