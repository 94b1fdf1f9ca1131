using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Mining;
using QualityGate.Regression;
using QualityGate.Scoring;

namespace QualityGate.Suite;

/// <summary>Summarises the suite for the result: size by status after this run, and the items the candidate fixes and breaks.</summary>
public static class SuiteReporting
{
    /// <param name="scorer">The candidate, to rank each reported item's features by how they move its score; null for precomputed scores.</param>
    public static SuiteReport Report(GateConfig config, DataFile heldout, LabelMatcher labels, IModelScorer? scorer, ScoredSuite? suite, IReadOnlyList<PairedItem> paired, MiningReport? mining, (string? Before, string? After) hashes, OperatingPoint point)
    {
        var dataColumns = heldout.Columns;
        var notFeatures = new HashSet<string>(StringComparer.Ordinal) { config.Label.Column };
        if (config.IdColumn is { } id)
        {
            notFeatures.Add(id);
        }

        if (config.Model.Kind == ModelKind.Scores)
        {
            notFeatures.UnionWith(["Probability", "Score", config.Model.ScoreColumn ?? "Score"]);
        }

        var items = (suite?.Document.Items ?? []).ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var evicted in mining?.Evicted ?? [])
        {
            items.Remove(evicted.Id);
        }

        foreach (var added in mining?.Added ?? [])
        {
            items[added.Id] = added;
        }

        var fixedItems = paired.Where(i => i.BaselineWrong && !i.CandidateWrong).ToList();
        var brokenItems = paired.Where(i => !i.BaselineWrong && i.CandidateWrong).ToList();
        var shown = fixedItems.Concat(brokenItems).Select(i => items[i.Id]).Concat(mining?.Added ?? []).DistinctBy(i => i.Id).ToList();
        var featureColumns = Enumerable.Range(0, dataColumns.Count).Where(c => !notFeatures.Contains(dataColumns[c])).ToList();
        var influence = scorer is null ? null : new FeatureInfluence(scorer, heldout, labels, heldout.IndexOf(config.Label.Column), featureColumns).Rank(shown);

        ReportedItem Reported(SuiteItem item, double score) =>
            new(item.Id, item.Positive, score, item.StatusName, item.Source, item.Reason,
                influence?.GetValueOrDefault(item.Id) ?? TopFeatures.Of(dataColumns, item.Fields, notFeatures));

        ReportedItem Change(PairedItem item) => Reported(items[item.Id], suite!.Scores[item.Id]);
        var active = items.Values.Where(i => i.Status == SuiteStatus.Active).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        return new SuiteReport(
            config.Display(config.Data.Suite!),
            [.. active.Select(i => i.Id)],
            items.Values.Count(i => i.Status == SuiteStatus.Quarantined),
            items.Values.Count(i => i.Status == SuiteStatus.Rejected),
            [.. fixedItems.Select(Change)],
            [.. brokenItems.Select(Change)],
            mining,
            [.. (mining?.Added ?? []).Select(item => Reported(item, item.ScoreWhenMined))],
            hashes.Before,
            hashes.After)
        {
            ActiveFingerprints = [.. active.Select(i => i.Fingerprint)],
            PinProposals = suite is null ? [] : [.. active.Where(i => !i.Pinned && suite.Scores.TryGetValue(i.Id, out var score) && FixedClearly(i, score, point)).Select(i => i.Id)],
        };
    }

    /// <summary>Wrong when mined, and now right with the whole threshold region to spare.</summary>
    private static bool FixedClearly(SuiteItem item, double score, OperatingPoint point) =>
        item.Positive
            ? !point.IsPredictedPositive(item.ScoreWhenMined) && score > point.RegionHigh
            : point.IsPredictedPositive(item.ScoreWhenMined) && score < point.RegionLow;
}
