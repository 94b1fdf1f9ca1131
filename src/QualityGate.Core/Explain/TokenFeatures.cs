namespace QualityGate.Explain;

/// <summary>A text column's word compared across the groups, with its presence (1 or 0) in each sampled example of each group.</summary>
public sealed record TokenComparison(FeatureComparison Comparison, IReadOnlyList<double[]> Presence);

/// <summary>
/// A text column compared by its words (which words make legitimate mail look like spam): each
/// word or word pair (<see cref="TextTokens"/>) that at least <see cref="MinimumHard"/> sampled
/// hard negatives hold becomes a feature whose value is 1 in an example that holds it and 0 in
/// one that does not. Its mean in a group is then the share of the group that holds it, and it
/// is compared and ranked with Cohen's d like any numeric feature. Only the
/// <see cref="PerColumn"/> that pull hardest are kept, so a large vocabulary does not bury the
/// numeric features or bloat the result.
/// </summary>
public static class TokenFeatures
{
    /// <summary>Fewer hard negatives than this holding a word say nothing about the word.</summary>
    public const int MinimumHard = 3;

    public const int PerColumn = 50;

    public static List<TokenComparison> Compare(ExampleSample sample, int feature)
    {
        var column = sample.Layout.Features[feature];
        var groups = Enum.GetValues<ExampleGroup>();
        var tokens = groups.Select(g => sample.Texts(g).Select(texts => texts.TryGetValue(feature, out var text) ? TextTokens.Of(text) : []).ToList()).ToList();

        var inHard = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens[0].SelectMany(t => t))
        {
            inHard[token] = inHard.GetValueOrDefault(token) + 1;
        }

        var candidates = inHard.Where(p => p.Value >= MinimumHard).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return [];
        }

        // Shares from counts rank the candidates cheaply; only the leaders get presence arrays.
        var counts = tokens.Select(group => Count(group, candidates)).ToList();
        double Share(int g, string token) => tokens[g].Count == 0 ? 0 : (double)counts[g].GetValueOrDefault(token) / tokens[g].Count;
        var leaders = candidates
            .Select(token => (token, pull: RoughPull(Share(0, token), Share(1, token), Share(2, token))))
            .OrderByDescending(c => c.pull)
            .ThenBy(c => c.token, StringComparer.Ordinal)
            .Take(PerColumn * 2)
            .Select(c => c.token);

        return [.. leaders
            .Select(token =>
            {
                var presence = tokens.Select(group => group.Select(held => held.Contains(token) ? 1.0 : 0.0).ToArray()).ToList();
                var comparison = FeatureComparison.Of(Feature.OfWord(column, token), GroupSummary.Of(presence[0]), GroupSummary.Of(presence[1]), GroupSummary.Of(presence[2]));
                return new TokenComparison(comparison, presence);
            })
            .OrderByDescending(t => t.Comparison.Pull)
            .ThenBy(t => t.Comparison.Feature.Word!.Text, StringComparer.Ordinal)
            .Take(PerColumn)];
    }

    private static Dictionary<string, int> Count(List<HashSet<string>> group, HashSet<string> candidates)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in group.SelectMany(t => t).Where(candidates.Contains))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    /// <summary>The pull of shares, as <see cref="FeatureComparison"/> computes it from the 0/1 values (population variances).</summary>
    private static double RoughPull(double hard, double easy, double positives)
    {
        static double D(double a, double b)
        {
            var pooled = Math.Sqrt(((a * (1 - a)) + (b * (1 - b))) / 2);
            return pooled == 0 ? (a == b ? 0 : Math.Sign(a - b) * FeatureComparison.SeparatedDifference) : (a - b) / pooled;
        }

        return D(hard, easy) * Math.Sign(D(positives, easy));
    }
}
