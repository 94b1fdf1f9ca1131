using QualityGate.Configuration;
using QualityGate.Explain;
using QualityGate.Mining;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Gate;

/// <summary>The steps the verbs are made of: score and evaluate, then put a run's parts together into its result.</summary>
public static class Pipeline
{
    /// <summary>Scores the suite and the held-out set in one pass each (feeding <paramref name="harvest"/> during the pass when it can), and evaluates them.</summary>
    public static Evaluation Evaluate(RunInputs inputs, Action<string>? progress, Harvest? harvest = null)
    {
        ScoredColumns columns;
        ScoredSuite? suite;
        ScoredSet heldout;

        // The pass that scores the held-out set hashes it too, instead of a second read after
        // (from before its reader is made: ML.NET's is given streams that hash).
        using (inputs.HashesHeldoutFile ? Data.HashedReads.While(inputs.Heldout.Parts) : null)
        {
            columns = inputs.Scorer.Score(inputs.Heldout, []);
            suite = SuiteScoring.Score(inputs.Config, inputs.Scorer, inputs.Labels, inputs.Heldout);
            var collector = harvest?.Begin(suite);
            progress?.Invoke($"Scoring {inputs.Heldout.DisplayPath}");
            heldout = ScoringPass.Read(DataSetNames.Heldout, inputs.Heldout, columns, inputs.Labels, inputs.Ids, progress, collector, inputs.HeldoutSlices);
        }

        Garbage.AfterPass(heldout.Count);
        harvest?.AfterPass(heldout);
        if (inputs.ComparesHeldoutFile)
        {
            inputs.StartHeldoutHash();
        }

        return Evaluation.Of(inputs, heldout, columns, suite, progress);
    }

    /// <summary>
    /// A run that decides and, with <paramref name="harvest"/>, mines: evaluated, decided and mined
    /// in a frame of its own, so the scored rows are garbage once it returns, and collected before
    /// the result is built on top of them.
    /// </summary>
    public static GateResult DecideAndMine(RunInputs inputs, Action<string>? progress, Harvest? harvest, TimeProvider? clock)
    {
        var (evaluated, decisions, mined) = Decide(inputs, progress, harvest, clock);
        Garbage.AfterDecisions(evaluated.HeldoutRows);
        var result = Result(evaluated, decisions, mined);
        Garbage.AfterResult(evaluated.HeldoutRows);
        return result;
    }

    private static (EvaluationSummary, Decisions, SuiteStore.Update<MiningReport>?) Decide(RunInputs inputs, Action<string>? progress, Harvest? harvest, TimeProvider? clock)
    {
        var evaluation = Evaluate(inputs, progress, harvest);
        if (harvest is null)
        {
            WarnOfEmptySuite(evaluation);
        }

        var decisions = Decisions.Decide(evaluation);
        return (evaluation.Summary, decisions, harvest?.Mine(evaluation, progress, clock));
    }

    /// <summary>A run that does not mine says when limits on the suite cannot be decided because it has no items.</summary>
    public static void WarnOfEmptySuite(Evaluation evaluation)
    {
        var config = evaluation.Config;
        if (evaluation.SuiteSet is not null || config.Data.Suite is not { } path)
        {
            return;
        }

        var consequence = config.Limits.Any(l => l.DataSet == DataSetNames.Suite) ? " Limits on it are inconclusive." : string.Empty;
        evaluation.Inputs.Warnings.Add(evaluation.Suite is null
            ? $"The suite '{config.Display(path)}' does not exist yet; 'qgate mine' writes it.{consequence}"
            : $"The suite '{config.Display(path)}' has no active items.{consequence}");
    }

    public static GateResult Result(EvaluationSummary evaluation, Decisions decisions, SuiteStore.Update<MiningReport>? mined = null, Explanation? explanation = null)
    {
        var (config, suite) = (evaluation.Config, evaluation.Suite);
        var hashes = mined is null ? (suite?.Sha256, suite?.Sha256) : (mined.HashBefore, mined.HashAfter);
        var suiteReport = config.Data.Suite is null
            ? null
            : SuiteReporting.Report(config, evaluation.Inputs.Heldout, evaluation.Inputs.Labels, evaluation.Inputs.Scorer.HasModel ? evaluation.Inputs.Scorer : null, suite, decisions.PairedItems, mined?.Outcome, hashes, evaluation.Point);
        return new GateResult(
            config,
            evaluation.Model,
            evaluation.Point,
            evaluation.Sets,
            decisions.Limits,
            decisions.Regression,
            suiteReport,
            config.Regression is null ? null : config.Display(config.Regression.Baseline),
            evaluation.Inputs.Warnings,
            explanation)
        {
            Slices = evaluation.Slices?.Slices ?? [],
        };
    }
}
