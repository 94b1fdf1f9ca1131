using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Mining;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Shards;

/// <summary>
/// <c>qgate check --shard i/n</c>: scores this shard's parts of the held-out set (and of the
/// feedback, when mining) and keeps what a merge needs, in memory that does not grow with the rows
/// beyond the rows the gate names.
/// </summary>
public static class ShardRunner
{
    public static PartialResult Run(GateConfig config, ShardSpec shard, bool mine, Action<string>? progress = null)
    {
        // The same inputs, checked the same way, as the merge that reads this shard opens.
        var inputs = RunInputs.Open(config, BaselineUse.IfPresent, sharded: true);
        var (scorer, labels, baseline, known, all) = (inputs.Scorer, inputs.Labels, inputs.Baseline, inputs.Known, inputs.Heldout);
        var needsPoint = mine ? "Mining" : baseline is not null && config.Regression?.Limits.Any(l => l.DataSet == DataSetNames.Heldout) == true ? "A held-out regression check" : null;
        if (known is null && needsPoint is not null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigBadValue,
                $"{needsPoint} across shards needs the operating point before scoring: a fixed 'threshold' with a 'region' width, or a blessed baseline.",
                config.Threshold.Location);
        }

        if (mine)
        {
            MiningRun.RequireSuite(config);
        }

        var file = shard.HeldoutParts(all, config.Data.HeldoutLocation);

        // The parts' hashes for the merge: text parts hashed by the pass that scores them, as a
        // single run hashes its held-out file, and taken from it at the end; precomputed scores,
        // hashed row by row, by a read of their own on another core meanwhile.
        var hashedByPass = inputs.ComparesHeldoutFile && inputs.HashesHeldoutFile;
        IReadOnlyList<PartHash> HashParts() => ContentHash.OfHeldoutParts(config, all, file, scorer.ScoreColumnName);
        var partHashes = inputs.ComparesHeldoutFile && !hashedByPass ? Task.Run(HashParts) : null;

        ScoredSet heldout;
        CandidateCollector? collector;
        using (hashedByPass ? Data.HashedReads.While(file.Parts) : null)
        {
            var columns = scorer.Score(file, []);
            var suite = mine ? SuiteScoring.Score(config, scorer, labels, all) : null;
            collector = mine ? new CandidateCollector(known!.Threshold, config.Mining, (suite?.Document.Items.Select(i => i.Id) ?? []).ToHashSet(StringComparer.Ordinal)) : null;
            var ids = known is { } k ? IdSelection.Where(k.IsWrongOrInRegion) : IdSelection.None;

            progress?.Invoke($"Shard {shard}: scoring {file.Parts.Count} of {all.Parts.Count} parts of {all.DisplayPath}");
            heldout = ScoringPass.Read(DataSetNames.Heldout, file, columns, labels, ids, progress, collector);
        }

        var histogram = new ScoreHistogram(known is { } point ? [point.Threshold, point.RegionLow, Math.BitIncrement(point.RegionHigh)] : []);
        for (var row = 0; row < heldout.Count; row++)
        {
            histogram.Add(heldout.Scores[row], heldout.Positive[row]);
        }

        var identified = heldout.Ids
            .Select(p => new IdentifiedRow(p.Value, histogram.Representative(heldout.Scores[p.Key]), heldout.Positive[p.Key]))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

        return new PartialResult(
            shard,
            Settings(config),
            known,
            all.DisplayPath,
            [.. histogram.Bins.Select(b => (b.Key, b.Value.Positives, b.Value.Negatives))],
            identified,
            collector is null ? null : Mine(config, shard, scorer, labels, heldout, collector, progress),
            inputs.ComparesHeldoutFile ? partHashes?.GetAwaiter().GetResult() ?? HashParts() : null);
    }

    /// <summary>The configuration file and the model: every shard and the merge must use the same.</summary>
    public static string Settings(GateConfig config) =>
        ContentHash.OfTextFile(config.ConfigPath) + (config.Model.Path is { } model ? ":" + ContentHash.OfFile(model) : string.Empty);

    private static PartialMining Mine(GateConfig config, ShardSpec shard, IModelScorer scorer, LabelMatcher labels, ScoredSet heldout, CandidateCollector collector, Action<string>? progress)
    {
        var sources = new List<(ScoredSet Set, string Source, int Index)> { (heldout, heldout.File.DisplayPath, 0) };
        foreach (var (source, index) in config.Data.Feedback.Select((f, i) => (f, i + 1)))
        {
            var whole = DataFile.Open(source.Path, config.Display(source.Path), config.Data.Separator, source.Location);
            SuiteItemBuilder.RequireDataColumns(whole, heldout.File.Columns);

            if (shard.FeedbackParts(whole) is not { } file)
            {
                continue;
            }

            progress?.Invoke($"Shard {shard}: scoring {file.Parts.Count} of {whole.Parts.Count} parts of {whole.DisplayPath}");
            sources.Add((ScoringPass.Read(DataSetNames.Feedback, file, scorer.Score(file, []), labels, IdSelection.None, progress, collector), whole.DisplayPath, index));
        }

        var found = collector.Finish([.. sources.Select(s => s.Set)], scorer);
        var candidates = found.Selected.Select(c =>
        {
            var (_, source, index) = sources.First(s => ReferenceEquals(s.Set.File, c.Source));
            var at = c.Location!;
            return new PartialCandidate(c.Id, c.Positive, c.Score, c.Hardness, source, index, at.File, at.Line, c.Conflict, c.Fields!);
        });
        return new PartialMining(found.Candidates, found.AlreadyInSuite, [.. candidates]);
    }
}
