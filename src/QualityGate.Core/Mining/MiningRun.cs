using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Suite;

namespace QualityGate.Mining;

/// <summary>
/// One mining run: take the hardest new candidates found while scoring, read their rows back,
/// and merge them into the suite under its lock (re-reading it there, so concurrent runs lose nothing).
/// </summary>
public static class MiningRun
{
    public static void RequireSuite(GateConfig config)
    {
        if (config.Data.Suite is null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "Mining needs a suite file to write: set 'data.suite'.", config.Data.HeldoutLocation);
        }
    }

    public static SuiteStore.Update<MiningReport> Mine(
        GateConfig config,
        LabelMatcher labels,
        DataFile heldout,
        CandidateCollector.Found found,
        ScoredSuite? suite,
        OperatingPoint point,
        ModelInfo model,
        TimeProvider clock)
    {
        var path = config.Data.Suite!;
        var items = SuiteItemBuilder.Build(found.Selected, heldout.Columns, config.Mining, model.Tag, MiningClock.Today(clock), config.Display);
        var scores = suite?.Scores ?? new Dictionary<string, double>();
        return SuiteStore.Change(path, config.Display(path), heldout.Separator, heldout.Columns, config.Label.Column, labels,
            current => SuiteMerger.Merge(current, items, scores, point.Threshold, config.Mining, found.Candidates, found.AlreadyInSuite));
    }
}
