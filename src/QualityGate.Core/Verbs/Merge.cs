using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Mining;
using QualityGate.Shards;
using QualityGate.Suite;

namespace QualityGate.Verbs;

/// <summary><c>qgate merge</c>: the verdict of a single run, from the partial results of <c>qgate check --shard i/n</c>.</summary>
public static class Merge
{
    /// <param name="shards">Every shard's partial result, and its file for messages.</param>
    public static GateResult Run(GateConfig config, IReadOnlyList<(PartialResult Partial, string Display)> shards, bool updateSuite = false, TimeProvider? clock = null, Action<string>? progress = null)
    {
        var inputs = RunInputs.Open(config, BaselineUse.Compare, sharded: true);

        // The shards hashed the parts they read: the merge need not read them all again.
        if (inputs.ComparesHeldoutFile && Baseline.ContentHash.OfHeldoutFromParts(inputs.Heldout, shards.Select(s => s.Partial.HeldoutParts)) is { } hash)
        {
            inputs.KnowHeldoutHash(hash);
        }
        if (updateSuite)
        {
            MiningRun.RequireSuite(config);
        }

        progress?.Invoke($"Merging {shards.Count} partial results of {inputs.Heldout.DisplayPath}");
        var merged = ShardMerger.Merge(config, shards, inputs.Heldout, inputs.Known, updateSuite);
        var suite = SuiteScoring.Score(config, inputs.Scorer, inputs.Labels, inputs.Heldout);
        var evaluation = Evaluation.Of(inputs, merged.Heldout, null, suite, progress);
        if (!updateSuite)
        {
            Pipeline.WarnOfEmptySuite(evaluation);
        }

        inputs.Warnings.AddRange(merged.Notes);
        var decisions = Decisions.Decide(evaluation);
        var mined = updateSuite && merged.Found is { } found ? Harvest.Write(evaluation, found, clock) : null;
        return Pipeline.Result(evaluation.Summary, decisions, mined);
    }
}
