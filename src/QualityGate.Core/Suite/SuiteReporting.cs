using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Mining;
using QualityGate.Regression;

namespace QualityGate.Suite;

/// <summary>Summarises the suite for the result: size by status after this run, and the items the candidate fixes and breaks.</summary>
public static class SuiteReporting
{
    public static SuiteReport Report(GateConfig config, IReadOnlyList<string> dataColumns, ScoredSuite? suite, IReadOnlyList<PairedItem> paired, MiningReport? mining, (string? Before, string? After) hashes)
    {
        var notFeatures = new HashSet<string>(StringComparer.Ordinal) { config.Label.Column };
        if (config.IdColumn is { } id)
        {
            notFeatures.Add(id);
        }

        if (config.Model.Kind == ModelKind.Scores)
        {
            notFeatures.UnionWith(["Probability", "Score", config.Model.ScoreColumn ?? "Score"]);
        }

        ReportedItem Reported(SuiteItem item, double score) =>
            new(item.Id, item.Positive, score, SuiteColumns.StatusName(item.Status), item.Source, item.Reason, TopFeatures.Of(dataColumns, item.Fields, notFeatures));

        var items = (suite?.Document.Items ?? []).ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var evicted in mining?.Evicted ?? [])
        {
            items.Remove(evicted.Id);
        }

        foreach (var added in mining?.Added ?? [])
        {
            items[added.Id] = added;
        }

        ReportedItem Change(PairedItem item) => Reported(items[item.Id], suite!.Scores[item.Id]);
        return new SuiteReport(
            config.Display(config.Data.Suite!),
            [.. items.Values.Where(i => i.Status == SuiteStatus.Active).Select(i => i.Id).Order(StringComparer.Ordinal)],
            items.Values.Count(i => i.Status == SuiteStatus.Quarantined),
            items.Values.Count(i => i.Status == SuiteStatus.Rejected),
            [.. paired.Where(i => i.BaselineWrong && !i.CandidateWrong).Select(Change)],
            [.. paired.Where(i => !i.BaselineWrong && i.CandidateWrong).Select(Change)],
            mining,
            [.. (mining?.Added ?? []).Select(item => Reported(item, item.ScoreWhenMined))],
            hashes.Before,
            hashes.After);
    }
}
