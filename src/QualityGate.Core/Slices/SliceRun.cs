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
    /// slice of the first slice column; each file's slices are read once, when first asked for.
    /// </summary>
    public static (Func<DataFile, int, string> SliceOf, int PerSlice)? BalancedMining(GateConfig config, DataFile heldout, IReadOnlyList<SliceMembership>? heldoutSlices)
    {
        if (config.Slices is not { MaxNewPerSlice: { } perSlice } settings)
        {
            return null;
        }

        var memberships = new Dictionary<string, SliceMembership>(StringComparer.Ordinal);
        if (heldoutSlices is not null)
        {
            memberships[heldout.Path] = heldoutSlices[0];
        }

        return ((file, row) =>
        {
            if (!memberships.TryGetValue(file.Path, out var membership))
            {
                membership = memberships[file.Path] = SliceMembership.OfFile(file, [settings.Columns[0]])[0];
            }

            return membership.Names[membership.Of[row]];
        }, perSlice);
    }

    /// <summary>Every slice of the held-out set and the suite, and the per-slice limits; null without <c>slices</c>.</summary>
    public static SliceEvaluator.Outcome? Evaluate(GateConfig config, ScoredSet heldout, IReadOnlyList<SliceMembership>? heldoutSlices, ScoredSuite? suite, OperatingPoint point, bool probabilities, IReadOnlySet<string> inTraining, BaselineDocument? baseline, List<string> warnings)
    {
        if (config.Slices is not { } settings)
        {
            return null;
        }

        if (heldoutSlices is null)
        {
            warnings.Add("Slices are not evaluated on merged shards: run 'qgate check' on the whole held-out set for per-slice limits.");
            return null;
        }

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
