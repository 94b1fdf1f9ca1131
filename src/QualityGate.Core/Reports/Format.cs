using System.Globalization;

namespace QualityGate.Reports;

/// <summary>Numbers as every report writes them: four decimals at most, invariant culture, no "-0".</summary>
internal static class Format
{
    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? Gate.LimitEvaluator.Format(v) : "-";

    /// <summary>A p-value as reports print it: four decimals, or "&lt; 0.0001"; empty where none was computed.</summary>
    public static string PValue(double? p) =>
        p is { } v ? Gate.FamilyWiseCorrection.PValueText(v) : "";

    public static string Bounds(MetricCell? cell) =>
        cell is { Lower: { } low, Upper: { } high } && cell.Method != "exact" ? $"[{Number(low)}, {Number(high)}]" : "";

    public static string Counts(MetricCell? cell) => cell is { K: { } k, N: { } n } ? $"{k}/{n}" : "";

    public static string Limit(LimitRow row) => (row.Min, row.Max) switch
    {
        ({ } min, { } max) => $"[{Number(min)}, {Number(max)}]",
        ({ } min, null) => $"min {Number(min)}",
        (null, { } max) => $"max {Number(max)}",
        _ => "-",
    };

    public static string Allowed(RegressionRow row) =>
        row.Basis == "count" ? $"limit {Number(row.Allowed)}" : $"{(row.Decrease ? "-" : "+")}{Number(row.Allowed)}";
}
