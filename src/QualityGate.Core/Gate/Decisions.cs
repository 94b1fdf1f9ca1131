using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Regression;
using QualityGate.Slices;
using QualityGate.Suite;

namespace QualityGate.Gate;

/// <summary>
/// Every decision of a run over one evaluation: each limit (on the data sets and their slices),
/// each check against the baseline, and the family-wise correction across all of them.
/// </summary>
/// <param name="PairedItems">Suite items both models scored, outcome by outcome; the suite report lists the fixed and broken ones.</param>
public sealed record Decisions(IReadOnlyList<LimitOutcome> Limits, IReadOnlyList<RegressionOutcome> Regression, IReadOnlyList<PairedItem> PairedItems)
{
    public static Decisions Decide(Evaluation evaluation)
    {
        var config = evaluation.Config;
        var limits = config.Limits.Select(limit => DecideLimit(limit, evaluation.Sets, config.Statistics)).ToList();
        limits.AddRange(evaluation.Slices?.Limits ?? []);
        var inputs = evaluation.Inputs;
        var paired = inputs.Baseline is null || evaluation.Suite is null
            ? []
            : SuitePairing.Pair(config, inputs.Baseline, evaluation.Suite, evaluation.Point, inputs.Labels, inputs.Heldout);
        var (decided, regression) = FamilyWiseCorrection.Apply(limits, AgainstBaseline(evaluation, paired), config.Statistics);
        return new Decisions(decided, regression, paired);
    }

    private static IReadOnlyList<RegressionOutcome> AgainstBaseline(Evaluation evaluation, IReadOnlyList<PairedItem> paired)
    {
        var (config, baseline, suite) = (evaluation.Config, evaluation.Inputs.Baseline, evaluation.Suite);
        if (baseline is null || config.Regression is null)
        {
            return [];
        }

        var run = new RegressionEvaluator.Inputs(
            config.Regression,
            baseline,
            HeldoutChange(evaluation, baseline),
            evaluation.HeldoutSet,
            evaluation.SuiteSet,
            paired,
            config.Statistics)
        {
            Pinned = suite is null ? [] : [.. suite.Document.Items.Where(i => i.Pinned && i.Status == SuiteStatus.Active)
                .Select(i => (i.Id, evaluation.Point.IsPredictedPositive(suite.Scores[i.Id]) != i.Positive))],
        };
        return RegressionEvaluator.Evaluate(run, evaluation.Slices is null ? null : SliceRegression.Inputs(config.Slices!, evaluation.Slices.Slices, run));
    }

    /// <summary>A paired held-out check needs the very file the baseline was blessed on.</summary>
    private static string? HeldoutChange(Evaluation evaluation, BaselineDocument baseline) =>
        evaluation.Inputs.ComparesHeldoutFile && evaluation.Inputs.HeldoutHash() != baseline.HeldoutSha256
            ? $"'{evaluation.Inputs.Heldout.DisplayPath}' changed since the baseline was blessed"
            : null;

    private static LimitOutcome DecideLimit(LimitSettings limit, IReadOnlyList<Metrics.SetEvaluation> sets, StatisticsSettings statistics)
    {
        if (sets.FirstOrDefault(s => s.Name == limit.DataSet) is not { } set)
        {
            var minCount = limit.MinCount ?? statistics.MinCount;
            return new LimitOutcome(limit, limit.Evidence ?? statistics.Evidence, minCount, null, null, Verdict.Inconclusive,
                $"the {limit.DataSet} has no active examples yet", minCount);
        }

        var value = set.Find(limit.Metric) ?? throw new InvalidOperationException($"Metric {limit.Metric} was not computed.");
        return LimitEvaluator.Decide(limit, value, statistics);
    }
}
