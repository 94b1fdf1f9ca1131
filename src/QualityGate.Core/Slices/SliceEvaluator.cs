using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Slices;

/// <summary>
/// Evaluates every slice of the held-out set and the suite at the run's operating point, and
/// decides every limit under <c>slices.limits</c> on every slice of its data set. A slice under
/// <c>slices.min_size</c> is inconclusive, never passed; a slice the baseline had and the data
/// lacks is reported as missing.
/// </summary>
public static class SliceEvaluator
{
    /// <summary>A data set to slice: its scored rows and, per slice column, which slice each row is in.</summary>
    public sealed record SlicedSet(string DataSet, ScoredSet Set, IReadOnlyList<SliceMembership> Membership);

    public sealed record Outcome(IReadOnlyList<SliceResult> Slices, IReadOnlyList<LimitOutcome> Limits);

    /// <param name="blessed">The slices the baseline recorded, per data set; null without a baseline.</param>
    /// <param name="inTraining">Held-out examples in the training data, left out of held-out metrics.</param>
    public static Outcome Evaluate(
        SliceSettings settings,
        IReadOnlyList<SlicedSet> sets,
        OperatingPoint point,
        StatisticsSettings statistics,
        bool probabilities,
        IReadOnlyList<(string DataSet, string Name)>? blessed,
        IReadOnlySet<string> inTraining)
    {
        var bounded = settings.Limits.Select(l => l.Metric).Concat(settings.Regression.Select(r => r.Metric)).ToHashSet();
        var results = new List<SliceResult>();
        foreach (var (dataSet, set, membership) in sets)
        {
            var pairsMembers = settings.Regression.Any(r => r.DataSet == dataSet);
            foreach (var slicing in membership)
            {
                var rows = slicing.Rows();
                for (var s = 0; s < slicing.Names.Count; s++)
                {
                    var subset = set.Subset(rows[s]);
                    if (dataSet == DataSetNames.Heldout)
                    {
                        subset = subset.Without(inTraining, out _);
                    }

                    // Only per-slice regression checks pair a slice's examples with the baseline's:
                    // without them a slice keeps neither its outcomes' ids nor its members.
                    var evaluation = SetEvaluator.Evaluate(subset, RankedExamples.From(subset), point, statistics, probabilities, bounded, identifyOutcomes: pairsMembers);
                    var isNew = blessed is not null && !blessed.Contains((dataSet, slicing.Names[s]));
                    var members = pairsMembers && subset.Ids.Count == subset.Count ? subset.Ids.Values.ToHashSet(StringComparer.Ordinal) : null;
                    results.Add(new SliceResult(dataSet, slicing.Column.Column, slicing.Names[s], subset.Count, evaluation.Confusion.Positives,
                        subset.Count < settings.MinSize, isNew ? SliceStatus.New : SliceStatus.Present, evaluation, members));
                }
            }
        }

        // Slices the baseline had that no row falls in now.
        foreach (var (dataSet, name) in blessed ?? [])
        {
            if (sets.Any(s => s.DataSet == dataSet) && !results.Any(r => r.DataSet == dataSet && r.Name == name))
            {
                var column = name[..name.IndexOf('=', StringComparison.Ordinal)];
                results.Add(new SliceResult(dataSet, column, name, 0, 0, true, SliceStatus.Missing, null));
            }
        }

        var ordered = results.OrderBy(r => r.DataSet, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new Outcome(ordered, [.. settings.Limits.SelectMany(limit => ordered.Where(r => r.DataSet == limit.DataSet).Select(slice => Decide(limit, slice, settings, statistics)))]);
    }

    private static LimitOutcome Decide(LimitSettings limit, SliceResult slice, SliceSettings settings, StatisticsSettings statistics)
    {
        var named = limit with { DataSet = slice.Label };
        var evidence = limit.Evidence ?? statistics.Evidence;
        LimitOutcome Inconclusive(string why) => new(named, evidence, settings.MinSize, slice.Evaluation?.Find(limit.Metric), null, Verdict.Inconclusive, why, settings.MinSize);

        if (slice.Status == SliceStatus.Missing)
        {
            return Inconclusive($"the slice {slice.Name} was in the baseline and has no examples in the data now");
        }

        if (slice.TooSmall)
        {
            return Inconclusive($"the slice {slice.Name} has {slice.Count} examples, fewer than slices.min_size {settings.MinSize}: too small to decide");
        }

        var value = slice.Evaluation!.Find(limit.Metric)!;
        return value.Unavailable is { } reason
            ? Inconclusive($"{limit.Metric} cannot be computed on the slice {slice.Name}: {reason}")
            : LimitEvaluator.Decide(named, value, statistics);
    }
}
