using System.Globalization;
using QualityGate.Configuration;

namespace QualityGate.Gate;

/// <summary>
/// How decisions are put in words, the same on every surface: numbers with four decimals at
/// most (invariant culture, no "-0"), limits as the YAML states them, confidence as a percentage.
/// </summary>
public static class Wording
{
    public static string Number(double value) => (Math.Round(value, 4) + 0.0).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Percent(double confidence) => confidence.ToString("0.##%", CultureInfo.InvariantCulture);

    public static string YamlName(Evidence evidence) => evidence.ToString().ToLowerInvariant();

    /// <summary>A limit as its message states it: <c>max 0.04</c>, <c>min 0.9</c>, <c>limit [0.1, 0.2]</c>.</summary>
    public static string Limit(LimitSettings limit) => Limit(limit.Min, limit.Max) is { } text ? text : "no limit";

    /// <summary>A limit in a table cell: <c>max 0.04</c>, <c>[0.1, 0.2]</c>; null without one.</summary>
    public static string? Bounded(double? min, double? max) => (min, max) switch
    {
        ({ } low, { } high) => $"[{Number(low)}, {Number(high)}]",
        ({ } low, null) => $"min {Number(low)}",
        (null, { } high) => $"max {Number(high)}",
        _ => null,
    };

    private static string? Limit(double? min, double? max) => min is not null && max is not null ? $"limit {Bounded(min, max)}" : Bounded(min, max);
}
