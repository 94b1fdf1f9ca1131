using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Slices;

/// <summary>What a gate run does with <c>slices</c>: balance mining across them, and evaluate them once the operating point is known.</summary>
internal static class SliceRun
{
    /// <summary>
    /// With <c>slices.mining.max_new_per_slice</c>, mining takes at most that many new items from each
    /// slice of the first slice column, as the file's source of slices has it (<paramref name="sourceOf"/>).
    /// </summary>
    public static (Func<DataFile, int, string> SliceOf, int PerSlice)? BalancedMining(GateConfig config, Func<DataFile, SliceSource> sourceOf)
    {
        if (config.Slices is not { MaxNewPerSlice: { } perSlice })
        {
            return null;
        }

        return ((file, row) =>
        {
            var first = sourceOf(file).Of(file)[0];
            return first.Names[first.Of[row]];
        }, perSlice);
    }

    /// <summary>Every slice of the held-out set and the suite, and the per-slice limits; null without <c>slices</c>.</summary>
    public static SliceEvaluator.Outcome? Evaluate(GateConfig config, ScoredSet heldout, SliceSource? slicesSource, ScoredSuite? suite, OperatingPoint point, bool probabilities, IReadOnlySet<string> inTraining, BaselineDocument? baseline, List<string> warnings)
    {
        if (config.Slices is not { } settings)
        {
            return null;
        }

        if (slicesSource is null)
        {
            warnings.Add("Slices are not evaluated on merged shards: run 'qgate check' on the whole held-out set for per-slice limits.");
            return null;
        }

        var heldoutSlices = slicesSource.Of(heldout.File);
        if (heldoutSlices[0].Of.Length != heldout.Count)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{heldout.File.DisplayPath}' has {heldoutSlices[0].Of.Length} rows as text and {heldout.Count} as the model read them; slices need the two to agree.", new SourceLocation(heldout.File.DisplayPath, 0, 0));
        }

        var sets = new List<SliceEvaluator.SlicedSet> { new(DataSetNames.Heldout, heldout, heldoutSlices) };
        if (suite is { Active.Count: > 0 })
        {
            var active = suite.Document.Items.Where(i => i.Status == SuiteStatus.Active).ToList();
            sets.Add(new(DataSetNames.Suite, suite.Active, SliceMembership.OfItems(active, suite.Document.DataColumns, settings.Columns)));
        }

        if (baseline is not null && baseline.Slices is null)
        {
            warnings.Add("The baseline was blessed without slices: bless again to report slices that appear or disappear.");
        }

        var blessed = baseline?.Slices?.Select(s => (s.DataSet, s.Name)).ToList();
        return SliceEvaluator.Evaluate(settings, sets, point, config.Statistics, probabilities, blessed, inTraining);
    }
}
