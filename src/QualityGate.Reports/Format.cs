using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>The cells every report and the console show, worded once: numbers, bounds, counts, limits, allowances, p-values.</summary>
public static class Format
{
    /// <summary>Four decimals at most, invariant culture, no "-0"; "-" for an unknown number.</summary>
    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? Wording.Number(v) : "-";

    /// <summary>A p-value as reports print it: four decimals, or "&lt; 0.0001"; empty where none was computed.</summary>
    public static string PValue(double? p) =>
        p is { } v ? FamilyWiseCorrection.PValueText(v) : "";

    /// <summary>The bounds of a metric; empty for an exact count.</summary>
    public static string Bounds(MetricCell? cell) =>
        cell is { Lower: { } low, Upper: { } high, IsExact: false } ? $"[{Number(low)}, {Number(high)}]" : "";

    /// <summary>The bounds of a change against the baseline; empty where none were computed.</summary>
    public static string Bounds(CheckDecision check) =>
        check.ChangeLower is null ? "" : $"[{Number(check.ChangeLower)}, {Number(check.ChangeUpper)}]";

    /// <summary>A feature value beside an item, with how much it moves the item's score when that is known: <c>free=1.47 (+0.21)</c>.</summary>
    public static string Feature(FeatureValueRow feature, string separator = "=") =>
        feature.ScoreChange is { } change
            ? $"{feature.Name}{separator}{feature.Value} ({(change > 0 ? "+" : "")}{Number(change)})"
            : $"{feature.Name}{separator}{feature.Value}";

    public static string Counts(MetricCell? cell) => cell is { K: { } k, N: { } n } ? $"{k}/{n}" : "";

    public static string Limit(LimitDecision limit) => Wording.Bounded(limit.Min, limit.Max) ?? "-";

    /// <summary>What a check allows: <c>+0.01</c> more, <c>-0.02</c> less, or <c>limit 0</c> for a count.</summary>
    public static string Allowed(CheckDecision check) =>
        check.Basis == "count" ? $"limit {Number(check.Allowed)}" : $"{(check.MaxDecrease is not null ? "-" : "+")}{Number(check.Allowed)}";

    /// <summary>A finding's headline: <c>heldout fpr broke its limit</c>, <c>regression suite.error_rate is inconclusive</c>.</summary>
    public static string Headline(IDecision decision) =>
        $"{decision.Subject} {(decision.Verdict == Verdict.Failed ? "broke its limit" : "is inconclusive")}";

    public static string VerdictName(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
