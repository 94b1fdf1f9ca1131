using System.Globalization;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Mining;
using QualityGate.Scoring;

namespace QualityGate.Shards;

/// <summary>
/// Combines the partial results of shards 1..n into what a single run would have scored: the
/// held-out set rebuilt from the merged histogram (every example at its bin's score, the rows the
/// gate names carrying their ids) and the hardest mining candidates over all shards. Counts at a
/// known operating point and mining are exact; ranking metrics are within the histogram's bound.
/// </summary>
public static class ShardMerger
{
    /// <summary>The merged held-out set and candidates, ready for the gate's evaluation.</summary>
    /// <param name="Notes">What the user should know about the merge's precision, for the result's warnings.</param>
    public sealed record Merged(ScoredSet Heldout, CandidateCollector.Found? Found, IReadOnlyList<string> Notes);

    /// <param name="known">The operating point this run knows before scoring: the shards must have used it.</param>
    /// <param name="mine">Whether this run mines: the shards must have kept candidates.</param>
    public static Merged Merge(GateConfig config, IReadOnlyList<(PartialResult Partial, string Display)> partials, DataFile heldoutFile, OperatingPoint? known, bool mine)
    {
        RequireOneRun(config, partials, known, mine);
        var first = partials[0].Partial;
        var histogram = new ScoreHistogram([]);
        foreach (var (partial, _) in partials)
        {
            foreach (var (score, positives, negatives) in partial.Bins)
            {
                histogram.AddBin(score, positives, negatives);
            }
        }

        var heldout = Rebuild(histogram, partials.SelectMany(p => p.Partial.Identified), heldoutFile);
        var found = first.Mining is null ? null : MergeCandidates(config, partials.Select(p => p.Partial.Mining!), heldoutFile);
        // The bound is printed rounded up, so the printed figure is still a bound.
        var bound = Math.Ceiling(histogram.AucErrorBound() * 1e8) / 1e8;
        var notes = new List<string>
        {
            first.Point is null
                ? string.Create(CultureInfo.InvariantCulture, $"Merged from {first.Shard.Count} shards. The threshold and region were resolved on a score histogram with a relative bin width of 1/4096, so they are within one bin of a single run's; counts are exact at them. The AUC is within {bound:0.########} of a single run's; log loss, PR AUC and bootstrap bounds use each bin's score.")
                : string.Create(CultureInfo.InvariantCulture, $"Merged from {first.Shard.Count} shards. Counts and mining are exact; ranking metrics come from a score histogram with a relative bin width of 1/4096: the AUC is within {bound:0.########} of a single run's; log loss, PR AUC and bootstrap bounds use each bin's score."),
        };
        return new Merged(heldout, found, notes);
    }

    /// <summary>The partial results must be every shard of one run of this config, model and operating point, each once.</summary>
    private static void RequireOneRun(GateConfig config, IReadOnlyList<(PartialResult Partial, string Display)> partials, OperatingPoint? known, bool mine)
    {
        var (first, firstDisplay) = partials[0];
        var settings = ShardRunner.Settings(config);
        foreach (var (partial, display) in partials)
        {
            if (partial.Settings != settings)
            {
                throw Mismatch(display, "it was written with a different configuration or model than this merge uses");
            }

            if (partial.Shard.Count != first.Shard.Count)
            {
                throw Mismatch(display, $"it is shard {partial.Shard} but '{firstDisplay}' is shard {first.Shard}");
            }

            if (partial.Point != first.Point)
            {
                throw Mismatch(display, $"its operating point differs from that of '{firstDisplay}'");
            }

            if ((partial.Mining is null) != (first.Mining is null))
            {
                throw Mismatch(display, $"one of it and '{firstDisplay}' was mined (--update-suite) and the other was not");
            }
        }

        if (first.Point != known)
        {
            throw new ConfigurationException(ErrorCodes.ConfigBadValue,
                "The shards were scored at another operating point than this configuration and baseline give now; run the shards again.", config.Threshold.Location);
        }

        if (mine && first.Mining is null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigBadValue,
                "The shards were not mined: run 'qgate check --shard i/n --update-suite' on each before merging with --update-suite.", config.Data.HeldoutLocation);
        }

        var missing = Enumerable.Range(1, first.Shard.Count).Except(partials.Select(p => p.Partial.Shard.Index)).ToList();
        var twice = partials.GroupBy(p => p.Partial.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Mismatch(twice.Last().Display, $"shard {twice.Key}/{first.Shard.Count} is also in '{twice.First().Display}'");
        }

        if (missing.Count > 0)
        {
            throw new DataException(ErrorCodes.DataUnreadable,
                $"Shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(i => $"{i}/{first.Shard.Count}"))} {(missing.Count == 1 ? "is" : "are")} missing: a merge needs every shard's partial result.",
                new SourceLocation(firstDisplay, 0, 0));
        }
    }

    /// <summary>Every example at its bin's score, in bin order; the identified rows of a bin take its first places.</summary>
    private static ScoredSet Rebuild(ScoreHistogram histogram, IEnumerable<IdentifiedRow> identified, DataFile file)
    {
        var named = identified.GroupBy(r => (r.Score, r.Positive)).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Order(StringComparer.Ordinal).ToList());
        var count = checked((int)histogram.Count);
        var scores = new double[count];
        var positive = new bool[count];
        var ids = new Dictionary<int, string>();
        var row = 0;
        foreach (var (score, (positives, negatives)) in histogram.Bins)
        {
            foreach (var (label, n) in new[] { (true, positives), (false, negatives) })
            {
                var names = named.GetValueOrDefault((score, label)) ?? [];
                if (names.Count > n)
                {
                    throw new DataException(ErrorCodes.DataUnreadable, $"The partial results name {names.Count} rows at score {score} but count {n}: they are inconsistent.", new SourceLocation(file.DisplayPath, 0, 0));
                }

                for (var i = 0; i < n; i++, row++)
                {
                    scores[row] = score;
                    positive[row] = label;
                    if (i < names.Count)
                    {
                        ids[row] = names[i];
                    }
                }
            }
        }

        return new ScoredSet(DataSetNames.Heldout, file, scores, positive, ids);
    }

    /// <summary>
    /// The k hardest over all shards. Each shard kept its own k hardest, so the overall k hardest
    /// are among them. An example found by two shards is one candidate, at its first place in the
    /// order a single run reads the data; with both labels it is a label conflict.
    /// </summary>
    private static CandidateCollector.Found MergeCandidates(GateConfig config, IEnumerable<PartialMining> minings, DataFile heldout)
    {
        var all = minings.ToList();
        var byId = all.SelectMany(m => m.Candidates)
            .OrderBy(c => c.SourceIndex).ThenBy(c => c.LocationFile, StringComparer.Ordinal).ThenBy(c => c.LocationLine)
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var other = g.FirstOrDefault(c => c.Positive != first.Positive);
                var conflict = first.Conflict ?? (other is null ? null : CandidateCollector.ConflictText(first.Positive, Location(first), Location(other)));
                return first with { Conflict = conflict };
            });

        var top = new TopK<PartialCandidate>(config.Mining.MaxNew, c => (c.Hardness, c.Id));
        foreach (var candidate in byId)
        {
            top.Offer(candidate);
        }

        var files = new Dictionary<string, DataFile>(StringComparer.Ordinal) { [heldout.DisplayPath] = heldout };
        foreach (var source in config.Data.Feedback)
        {
            files.TryAdd(config.Display(source.Path), new DataFile(source.Path, config.Display(source.Path), heldout.Separator, heldout.Columns));
        }

        var selected = top.Drain().Select(c => new MiningCandidate(c.Id, c.Positive, c.Score, c.Hardness, files[c.Source], -1, c.Conflict) { Fields = c.Fields }).ToList();
        return new CandidateCollector.Found(selected, all.Sum(m => m.CandidateRows), all.Sum(m => m.AlreadyInSuite));
    }

    private static SourceLocation Location(PartialCandidate candidate) => new(candidate.LocationFile, candidate.LocationLine, 0);

    private static DataException Mismatch(string display, string why) =>
        new(ErrorCodes.DataUnreadable, $"'{display}' cannot be merged: {why}.", new SourceLocation(display, 0, 0));
}
