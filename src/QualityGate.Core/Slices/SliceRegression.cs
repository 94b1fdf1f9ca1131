using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Identity;
using QualityGate.Metrics;
using QualityGate.Regression;

namespace QualityGate.Slices;

/// <summary>
/// The checks under <c>slices.regression</c>, one set per slice: the run's regression inputs
/// restricted to the slice's examples. The baseline's per-example ids are filtered to the
/// slice's members, and its per-slice metrics stand in for the whole set's, so every check is
/// decided exactly as on the whole set, paired where it can be.
/// </summary>
public static class SliceRegression
{
    public static IReadOnlyList<RegressionEvaluator.SliceInputs> Inputs(SliceSettings settings, IReadOnlyList<SliceResult> slices, RegressionEvaluator.Inputs run)
    {
        var result = new List<RegressionEvaluator.SliceInputs>();
        foreach (var slice in slices)
        {
            var checks = settings.Regression.Where(r => r.DataSet == slice.DataSet).ToList();
            if (checks.Count == 0)
            {
                continue;
            }

            var restricted = run with { Settings = run.Settings with { Limits = checks } };
            if (slice.Status == SliceStatus.Missing)
            {
                result.Add(new(slice.Label, restricted, $"the slice {slice.Name} was in the baseline and has no examples in the data now"));
                continue;
            }

            if (slice.TooSmall)
            {
                result.Add(new(slice.Label, restricted, $"the slice {slice.Name} has {slice.Count} examples, fewer than slices.min_size {settings.MinSize}: too small to decide"));
                continue;
            }

            var members = slice.Members!;
            var baseline = run.Baseline with
            {
                Metrics = [.. run.Baseline.Metrics.Where(m => m.DataSet == slice.Label).Select(m => m with { DataSet = slice.DataSet })],
                Heldout = slice.DataSet == DataSetNames.Heldout ? Restrict(run.Baseline.Heldout, slice.Evaluation!.Confusion, members) : run.Baseline.Heldout,
            };
            result.Add(new(slice.Label, restricted with
            {
                Baseline = baseline,
                Heldout = slice.DataSet == DataSetNames.Heldout ? slice.Evaluation! : run.Heldout,
                Suite = slice.DataSet == DataSetNames.Suite ? slice.Evaluation : run.Suite,
                SuiteItems = slice.DataSet == DataSetNames.Suite ? [.. run.SuiteItems.Where(i => members.Contains(i.Id))] : run.SuiteItems,
            }, null));
        }

        return result;
    }

    private static HeldoutOutcomes Restrict(HeldoutOutcomes blessed, ConfusionCounts slice, IReadOnlySet<string> members)
    {
        ExampleIds Keep(ExampleIds ids) => ids.Where(members.Contains);
        var outcomes = blessed.Outcomes;
        return new HeldoutOutcomes(slice.Total, slice.Negatives, slice.Positives,
            new RowOutcomes(Keep(outcomes.FalsePositives), Keep(outcomes.FalseNegatives), Keep(outcomes.RegionNegatives), Keep(outcomes.RegionPositives)));
    }
}
