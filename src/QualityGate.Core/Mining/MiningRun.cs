using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Mining;

/// <summary>
/// One mining run: find the hardest new candidates in the scored data, read their rows back,
/// and merge them into the suite under its lock (re-reading it there, so concurrent runs lose nothing).
/// </summary>
public static class MiningRun
{
    public static SuiteStore.Update<MiningReport> Mine(
        GateConfig config,
        LabelReader labels,
        DataFile heldout,
        IReadOnlyList<ScoredSet> sources,
        ScoredSuite? suite,
        OperatingPoint point,
        ModelInfo model,
        TimeProvider clock)
    {
        var path = config.Data.Suite!;
        var inSuite = (suite?.Document.Items.Select(i => i.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        var found = CandidateFinder.Find(sources, point.Threshold, config.Mining, inSuite);
        var items = SuiteItemBuilder.Build(found.Selected, heldout.Columns, config.Mining, model.Tag, MiningClock.Today(clock), config.Display);
        var scores = suite?.Scores ?? new Dictionary<string, double>();
        return SuiteStore.Change(path, config.Display(path), heldout.Separator, heldout.Columns, config.Label.Column, labels,
            current => SuiteMerger.Merge(current, items, scores, point.Threshold, config.Mining, found.Candidates, found.AlreadyInSuite));
    }
}
