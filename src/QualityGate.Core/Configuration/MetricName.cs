using System.Globalization;

namespace QualityGate.Configuration;

/// <summary>
/// A metric as written in YAML and reports: <c>fpr</c>, <c>region.fpr</c>, <c>tpr_at_fpr(0.01)</c>.
/// <see cref="Argument"/> carries the number in parentheses for parameterised metrics.
/// </summary>
public sealed record MetricName(string Name, double? Argument = null)
{
    public const string TprAtFpr = "tpr_at_fpr";

    /// <summary>Every metric a limit can name, in the order reports list them.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "fpr", "fnr", "precision", "recall", "accuracy", "error_rate", "f1",
        "auc", "pr_auc", "log_loss", TprAtFpr,
        "region.share", "region.error_rate", "region.fpr", "region.fnr", "region.count",
        "count",
    ];

    public override string ToString() =>
        Argument is { } a ? $"{Name}({a.ToString("R", CultureInfo.InvariantCulture)})" : Name;

    /// <summary>Parses <c>name</c> or <c>name(number)</c>; returns null when the text is no known metric.</summary>
    public static MetricName? TryParse(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return Known.Contains(text, StringComparer.Ordinal) && text != TprAtFpr ? new MetricName(text) : null;
        }

        var name = text[..open];
        if (name != TprAtFpr || !text.EndsWith(')'))
        {
            return null;
        }

        var inner = text[(open + 1)..^1];
        return double.TryParse(inner, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && x < 1
            ? new MetricName(name, x)
            : null;
    }
}
