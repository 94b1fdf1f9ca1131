using QualityGate.Configuration;
using QualityGate.Gate;

namespace QualityGate.Baseline;

/// <summary>Turns a run of the model being blessed into its baseline document.</summary>
public static class BaselineBuilder
{
    public static BaselineDocument Build(GateResult result)
    {
        var config = result.Config;
        var heldout = result.Sets.Single(s => s.Name == DataSetNames.Heldout);
        var suiteSet = result.Sets.FirstOrDefault(s => s.Name == DataSetNames.Suite);
        var point = result.OperatingPoint;
        return new BaselineDocument(
            result.Model.DisplayPath,
            result.Model.Sha256,
            ContentHash.OfHeldout(config, result.Model.ScoreColumn),
            result.Suite?.HashAfter,
            ContentHash.OfSettings(config),
            point.Threshold,
            point.ThresholdSource,
            point.RegionLow,
            point.RegionHigh,
            [.. result.Sets.SelectMany(set => set.Metrics
                .Where(m => m.Unavailable is null)
                .Select(m => new BaselineMetric(set.Name, m.Metric.ToString(), m.Value, m.Successes, m.Trials))),
            .. result.Slices.Where(s => s.Evaluation is not null).SelectMany(slice => slice.Evaluation!.Metrics
                .Where(m => m.Unavailable is null && double.IsFinite(m.Value))
                .Select(m => new BaselineMetric(slice.Label, m.Metric.ToString(), m.Value, m.Successes, m.Trials)))],
            new HeldoutOutcomes(heldout.Confusion.Total, heldout.Confusion.Negatives, heldout.Confusion.Positives, heldout.Outcomes),
            result.Suite is null ? null : new SuiteOutcomes(result.Suite.ActiveIds, suiteSet?.WrongIds ?? [], suiteSet?.RegionIds ?? [], result.Suite.ActiveFingerprints),
            config.Slices is null ? null : [.. result.Slices.Where(s => s.Status != Slices.SliceStatus.Missing).Select(s => new BaselineSlice(s.DataSet, s.Name, s.Count))]);
    }
}
