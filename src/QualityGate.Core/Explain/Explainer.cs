using System.Globalization;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Explain;

/// <summary>
/// Explains the close calls: compares the hard negatives with the easy negatives and the
/// positives feature by feature, and measures which feature groups decide the threshold region.
/// </summary>
public static class Explainer
{
    private const int DistributionBins = 24;

    /// <param name="inputs">The model's numeric inputs; null when the scores are precomputed.</param>
    public static Explanation Explain(
        GateConfig config,
        IModelScorer scorer,
        IReadOnlyList<NumericInput>? inputs,
        LabelMatcher labels,
        ScoredSet heldout,
        ScoredSuite? suite,
        OperatingPoint point,
        Action<string>? progress)
    {
        var settings = config.Explain;
        var notes = new List<string>();
        var hardFrom = point.Threshold - config.Mining.Margin;
        var layout = FeatureLayout.Of(config, heldout.File, inputs, inputs is null ? scorer.ScoreColumnName : null);
        progress?.Invoke($"Explaining: reading {layout.Features.Count} features of the sampled examples");
        var sample = ExampleSample.Draw(layout, heldout, suite, point, hardFrom, settings);

        var groups = Enum.GetValues<ExampleGroup>()
            .Select(g => new GroupSize(g, sample.Total(g).Heldout, sample.Total(g).Suite, sample.Values(g).Count))
            .ToList();
        if (groups.Any(g => g.Sampled < g.Heldout + g.Suite))
        {
            notes.Add($"Groups larger than {settings.Sample:N0} examples are compared on a sample of that many (explain.sample), drawn with seed {settings.Seed}.");
        }

        if (groups[0].Sampled == 0)
        {
            notes.Add($"No negative scores {Number(hardFrom)} or more: there are no hard negatives to compare.");
        }

        // A column that is not numeric is text: compared by its words instead.
        var tokens = new List<TokenComparison>();
        foreach (var (feature, where) in sample.NotNumeric.OrderBy(p => p.Key))
        {
            var words = TokenFeatures.Compare(sample, feature);
            tokens.AddRange(words);
            notes.Add(words.Count > 0
                ? $"'{layout.Features[feature].Name}' is text (for example {where}): it is compared by its words and word pairs, each valued 1 in an example that holds it, "
                    + $"so its mean is the share of a group holding it (the {TokenFeatures.PerColumn} that pull hardest, of those at least {TokenFeatures.MinimumHard} hard negatives hold)."
                : $"'{layout.Features[feature].Name}' is not numeric (for example {where}); no word of it is held by {TokenFeatures.MinimumHard} hard negatives, so it is not compared.");
        }

        var features = Compare(sample).Concat(tokens.Select(t => t.Comparison))
            .OrderByDescending(c => c.Pull).ThenBy(c => c.Feature.Column).ThenBy(c => c.Feature.Word?.Text, StringComparer.Ordinal)
            .ToList();
        var tokenGroups = tokens.Where(t => t.Comparison.Pull > 0).Take(settings.Top)
            .Select(t => new PermutationGroup(t.Comparison.Feature.Name, [t.Comparison.Feature.Column], t.Comparison.Feature.Word));
        var importance = Importance(scorer, inputs, labels, heldout.File, sample, [.. sample.Layout.Groups, .. tokenGroups], point, settings, notes, progress);
        var position = layout.Features.Select((feature, index) => (feature.Column, index)).ToDictionary(p => p.Column, p => p.index);
        var presence = tokens.ToDictionary(t => t.Comparison.Feature, t => t.Presence);
        var distributions = features.Take(settings.Top)
            .Select(f => Distribution(f.Feature.Name, presence.TryGetValue(f.Feature, out var held)
                ? held
                : [.. Enum.GetValues<ExampleGroup>().Select(g => Column(sample.Values(g), position[f.Feature.Column]))]))
            .ToList();
        return new Explanation(hardFrom, settings, groups, sample.RegionTotal, sample.Region.Count, features, importance, distributions, notes);
    }

    /// <summary>How much shuffling each feature group (or taking out each word) moves the region's scores and decisions; null without a model to score again.</summary>
    private static List<GroupImportance>? Importance(
        IModelScorer scorer, IReadOnlyList<NumericInput>? inputs, LabelMatcher labels, DataFile file, ExampleSample sample, IReadOnlyList<PermutationGroup> permutations,
        OperatingPoint point, ExplainSettings settings, List<string> notes, Action<string>? progress)
    {
        if (inputs is null)
        {
            notes.Add("The scores are precomputed (model.kind: scores): there is no model to shuffle features for, so only the feature comparison is shown.");
            return null;
        }

        // No numeric input at all is a text model: nothing to say about a loader.
        if (inputs.Count > 0 && inputs.All(i => i.CsvIndexes.Count == 0))
        {
            notes.Add("The model reads the data with its own loader, which does not say which columns feed which input: each column is shuffled on its own.");
        }

        if (sample.Region.Count == 0)
        {
            notes.Add("No example scores inside the threshold region: there is no region importance to measure.");
        }

        return [.. RegionImportance.Measure(scorer, file, labels, sample.Region, permutations, point, settings, progress)
            .OrderByDescending(i => i.ScoreChange)
            .ThenByDescending(i => i.ErrorRateChange)
            .ThenBy(i => i.Group.Columns[0])];
    }

    /// <summary>Every numeric feature's comparison.</summary>
    private static List<FeatureComparison> Compare(ExampleSample sample)
    {
        var comparisons = new List<FeatureComparison>();
        for (var f = 0; f < sample.Layout.Features.Count; f++)
        {
            if (sample.NotNumeric.ContainsKey(f))
            {
                continue;
            }

            var summaries = Enum.GetValues<ExampleGroup>().Select(g => GroupSummary.Of(Column(sample.Values(g), f))).ToList();
            comparisons.Add(FeatureComparison.Of(sample.Layout.Features[f], summaries[0], summaries[1], summaries[2]));
        }

        return comparisons;
    }

    /// <summary>
    /// The groups' values in equal bins between the pooled 1st and 99th percentiles (values beyond
    /// go to the end bins), as shares of each group, so groups of very different sizes compare.
    /// When most values are zero (sparse counts), the zeros are set apart as a share per group and
    /// the bins show the rest, which would otherwise be a flat line beside one tall bar.
    /// </summary>
    /// <param name="values">The values of each group (hard, easy, positives), NaN where missing.</param>
    private static FeatureDistribution Distribution(string feature, IReadOnlyList<double[]> values)
    {
        var columns = values.Select(v => v.Where(x => !double.IsNaN(x)).ToArray()).ToList();
        var pooled = columns.SelectMany(c => c).ToArray();
        var zerosApart = pooled.Length > 0 && pooled.Count(v => v == 0) >= pooled.Length / 2.0;
        var binned = zerosApart ? pooled.Where(v => v != 0).Order().ToArray() : [.. pooled.Order()];
        var low = binned.Length == 0 ? 0 : MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(binned, 0.01);
        var high = binned.Length == 0 ? 1 : MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(binned, 0.99);
        if (high <= low)
        {
            high = low + 1;
        }

        double[] Shares(double[] values)
        {
            var counts = new double[DistributionBins];
            foreach (var value in values.Where(v => !zerosApart || v != 0))
            {
                var bin = (int)Math.Floor((value - low) / (high - low) * DistributionBins);
                counts[Math.Clamp(bin, 0, DistributionBins - 1)]++;
            }

            return values.Length == 0 ? counts : [.. counts.Select(c => c / values.Length)];
        }

        double ZeroShare(double[] values) => values.Length == 0 ? 0 : (double)values.Count(v => v == 0) / values.Length;
        return new FeatureDistribution(feature, low, high, Shares(columns[0]), Shares(columns[1]), Shares(columns[2]),
            zerosApart ? [ZeroShare(columns[0]), ZeroShare(columns[1]), ZeroShare(columns[2])] : null);
    }

    private static double[] Column(IReadOnlyList<double[]> rows, int feature) => [.. rows.Select(r => r[feature])];

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
