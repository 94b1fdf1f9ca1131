using System.Globalization;
using QualityGate.Data;
using QualityGate.Scoring;

namespace QualityGate.Suite;

/// <summary>
/// Ranks a suite item's feature values by how much each moves its score, so a report shows why
/// the model scored a legitimate e-mail as spam rather than its largest numbers. Each feature in
/// turn is set to a typical negative's value (the median of the held-out file's first negatives,
/// or their most common value for text) and the item is scored again through the model's own
/// loader; the feature's change is the item's score minus that score. Positive: the value pushes
/// the item towards the positives. All items and features are scored in one batch, and the
/// typical values come from the file's first rows only, so the cost does not grow with the
/// held-out set.
/// </summary>
public sealed class FeatureInfluence(IModelScorer scorer, DataFile heldout, LabelMatcher labels, int labelColumn, IReadOnlyList<int> featureColumns)
{
    /// <summary>How many held-out negatives give the typical values, and how many rows are read at most to find them.</summary>
    public const int ReferenceNegatives = 256;

    private const int ReferenceScan = 20_000;

    /// <summary>Each item's features that move its score, the largest change first, at most <see cref="TopFeatures.Count"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FeatureValue>> Rank(IReadOnlyCollection<SuiteItem> items)
    {
        if (items.Count == 0 || Reference() is not { } typical)
        {
            return new Dictionary<string, IReadOnlyList<FeatureValue>>();
        }

        // One row per item as it is, then one per feature whose value is not already the typical
        // one. The rows are made as they are written, not held: 200 items of 50 features are
        // 10,000 rows of text.
        var changed = new List<(SuiteItem Item, int Row, List<(int Column, int Row)> Features)>();
        var count = 0;
        foreach (var item in items)
        {
            var features = new List<(int Column, int Row)>();
            changed.Add((item, count++, features));
            foreach (var column in featureColumns.Where(c => !SameValue(item.Fields[c], typical[c])))
            {
                features.Add((column, count++));
            }
        }

        // Each changed row is the item's fields with one set to the typical value, made in one
        // array per item and put back after each (rows are written as they are given): no list
        // or closure per row.
        IEnumerable<IEnumerable<string>> Rows()
        {
            foreach (var (item, _, features) in changed)
            {
                yield return item.Fields;
                var row = item.Fields.ToArray();
                foreach (var (column, _) in features)
                {
                    row[column] = typical[column]!;
                    yield return row;
                    row[column] = item.Fields[column];
                }
            }
        }

        var scores = Rescoring.Score(scorer, heldout, labels, Rows(), "The suite's items, with one feature set to a typical value,");
        return changed.ToDictionary(
            c => c.Item.Id,
            c => (IReadOnlyList<FeatureValue>)[.. c.Features
                .Select(f => (f.Column, Change: scores[c.Row] - scores[f.Row]))
                .Where(f => double.IsFinite(f.Change) && f.Change != 0)
                .OrderByDescending(f => Math.Abs(f.Change))
                .ThenBy(f => heldout.Columns[f.Column], StringComparer.Ordinal)
                .Take(TopFeatures.Count)
                .Select(f => new FeatureValue(heldout.Columns[f.Column], c.Item.Fields[f.Column], f.Change))],
            StringComparer.Ordinal);
    }

    /// <summary>The typical value of each feature column (others null); null when the file has no rows to take them from.</summary>
    private string?[]? Reference()
    {
        var negatives = new List<List<string>>();
        var others = new List<List<string>>();
        using (var reader = heldout.ReadRows())
        {
            for (var row = 0; row < ReferenceScan && negatives.Count < ReferenceNegatives && reader.Read() is { } fields; row++)
            {
                (labels.Classify(fields[labelColumn]) == false ? negatives : others).Add(fields);
            }
        }

        // A file that starts with its positives still gives typical values, of whatever it starts with.
        var rows = negatives.Count > 0 ? negatives : others;
        if (rows.Count == 0)
        {
            return null;
        }

        var typical = new string?[heldout.Columns.Count];
        foreach (var column in featureColumns)
        {
            typical[column] = Typical([.. rows.Select(r => r[column])]);
        }

        return typical;
    }

    private static string Typical(IReadOnlyList<string> values)
    {
        // Missing values say nothing of what is typical of a number column.
        var numbers = values.Where(v => v.Length > 0).Select(Number).ToList();
        if (numbers.Count > 0 && numbers.All(n => n is not null && !double.IsNaN(n.Value)))
        {
            var sorted = numbers.Select(n => n!.Value).Order().ToList();
            return sorted[(sorted.Count - 1) / 2].ToString("R", CultureInfo.InvariantCulture);
        }

        return values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    private static bool SameValue(string value, string? typical) =>
        typical is null || value == typical || (Number(value) is { } x && Number(typical) is { } y && x.Equals(y));

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;
}
