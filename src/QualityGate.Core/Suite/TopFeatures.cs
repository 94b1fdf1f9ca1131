using System.Globalization;

namespace QualityGate.Suite;

/// <summary>A feature and its value, as reports show them beside a suite item.</summary>
public sealed record FeatureValue(string Name, string Value);

/// <summary>
/// The few feature values that describe an item at a glance in a report: its largest numeric
/// values (zeros say little in sparse data such as word frequencies), or its first text fields.
/// Which features actually drive a score is what <c>qgate explain</c> is for.
/// </summary>
public static class TopFeatures
{
    public const int Count = 5;

    public static IReadOnlyList<FeatureValue> Of(IReadOnlyList<string> columns, IReadOnlyList<string> fields, IReadOnlySet<string> notFeatures)
    {
        var features = columns.Select((name, i) => (Name: name, Text: i < fields.Count ? fields[i] : string.Empty))
            .Where(f => !notFeatures.Contains(f.Name))
            .ToList();
        var numeric = features
            .Select(f => (f.Name, f.Text, Number: double.TryParse(f.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : (double?)null))
            .ToList();
        return numeric.All(f => f.Number is not null)
            ? [.. numeric.Where(f => f.Number != 0).OrderByDescending(f => f.Number).ThenBy(f => f.Name, StringComparer.Ordinal).Take(Count).Select(f => new FeatureValue(f.Name, f.Text))]
            : [.. features.Take(Count).Select(f => new FeatureValue(f.Name, f.Text))];
    }
}
