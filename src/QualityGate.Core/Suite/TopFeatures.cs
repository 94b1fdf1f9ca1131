using System.Globalization;

namespace QualityGate.Suite;

/// <summary>A feature and its value, as reports show them beside a suite item.</summary>
/// <param name="ScoreChange">How much the value moves the item's score (<see cref="FeatureInfluence"/>); null when there is no model to ask (precomputed scores).</param>
public sealed record FeatureValue(string Name, string Value, double? ScoreChange = null);

/// <summary>
/// The feature values that describe an item when there is no model to rank them by how they
/// move its score (precomputed scores): its largest numeric values (zeros say little in sparse
/// data such as word frequencies), or its first text fields.
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
