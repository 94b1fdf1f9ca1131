using QualityGate.Data;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Explain;

/// <summary>What shuffling one group of features among the region's examples does, averaged over the shuffles.</summary>
/// <param name="ScoreChange">Mean absolute change of an example's score.</param>
/// <param name="ErrorRateChange">Change of the region's error rate at the threshold (positive: more mistakes).</param>
/// <param name="FlipShare">Share of the region's examples whose decision changes.</param>
public sealed record GroupImportance(PermutationGroup Group, double ScoreChange, double ErrorRateChange, double FlipShare);

/// <summary>
/// Permutation importance computed on the threshold region alone: the features that decide the
/// close calls, not the ones that separate the obvious cases. Each group's columns are shuffled
/// together among the region's examples (seeded), the shuffled rows are scored by the model
/// through the same loader as the data, and the changes are averaged over the shuffles. A word of
/// a text column is taken out of every region example instead: the change is what the word
/// itself does to the close calls.
/// </summary>
public static class RegionImportance
{
    public static List<GroupImportance> Measure(
        IModelScorer scorer,
        DataFile heldout,
        LabelMatcher labels,
        IReadOnlyList<RegionExample> region,
        IReadOnlyList<PermutationGroup> groups,
        OperatingPoint point,
        Configuration.ExplainSettings settings,
        Action<string>? progress)
    {
        if (region.Count == 0 || groups.Count == 0)
        {
            return [];
        }

        // The unshuffled rows are scored the same way first, so every change is measured
        // against a score from the very same path.
        var baseScores = Score(scorer, heldout, labels, [.. region.Select(e => e.Fields)]);
        var baseErrors = region.Select((e, i) => point.IsPredictedPositive(baseScores[i]) != e.Positive).Count(wrong => wrong);
        var random = new Random(settings.Seed);
        var results = new List<GroupImportance>();
        for (var g = 0; g < groups.Count; g++)
        {
            if (progress is not null && g % 16 == 0)
            {
                progress($"Region importance: feature group {g + 1} of {groups.Count}, {region.Count:N0} region examples");
            }

            // Taking a word out is the same every time; a shuffle is averaged over the repeats.
            var rows = new List<IReadOnlyList<string>>(region.Count * settings.Repeats);
            if (groups[g].Word is { } word)
            {
                rows.AddRange(Without(region, groups[g].Columns[0], word.Text));
            }
            else
            {
                for (var repeat = 0; repeat < settings.Repeats; repeat++)
                {
                    rows.AddRange(Shuffled(region, groups[g].Columns, random));
                }
            }

            var scores = Score(scorer, heldout, labels, rows);
            double change = 0, flips = 0, errors = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                var example = region[i % region.Count];
                var before = baseScores[i % region.Count];
                change += Math.Abs(scores[i] - before);
                flips += point.IsPredictedPositive(scores[i]) != point.IsPredictedPositive(before) ? 1 : 0;
                errors += point.IsPredictedPositive(scores[i]) != example.Positive ? 1 : 0;
            }

            var total = (double)scores.Count;
            results.Add(new GroupImportance(groups[g], change / total, (errors / total) - ((double)baseErrors / region.Count), flips / total));
        }

        return results;
    }

    /// <summary>The region's rows with the group's columns moved together from a random other row.</summary>
    private static IEnumerable<IReadOnlyList<string>> Shuffled(IReadOnlyList<RegionExample> region, IReadOnlyList<int> columns, Random random)
    {
        var order = Enumerable.Range(0, region.Count).ToArray();
        random.Shuffle(order);
        for (var i = 0; i < region.Count; i++)
        {
            var fields = region[i].Fields.ToArray();
            var donor = region[order[i]].Fields;
            foreach (var column in columns)
            {
                fields[column] = donor[column];
            }

            yield return fields;
        }
    }

    /// <summary>The region's rows with the word (or word pair) taken out of the text column.</summary>
    private static IEnumerable<IReadOnlyList<string>> Without(IReadOnlyList<RegionExample> region, int column, string token)
    {
        foreach (var example in region)
        {
            var fields = example.Fields.ToArray();
            fields[column] = TextTokens.Without(fields[column], token);
            yield return fields;
        }
    }

    private static IReadOnlyList<double> Score(IModelScorer scorer, DataFile heldout, LabelMatcher labels, IReadOnlyList<IReadOnlyList<string>> rows) =>
        Rescoring.Score(scorer, heldout, labels, rows, "The region's examples");
}
