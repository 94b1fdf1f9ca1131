using System.Globalization;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Statistics;

namespace QualityGate.Regression;

/// <summary>
/// Decides the checks against the baseline. Rates over a fixed set of examples are compared
/// paired (same examples, outcome by outcome) with Newcombe's bounds on the change; for a
/// <c>max_increase</c> of d, <c>significant</c> fails when the lower bound of the increase is
/// over d (a margin test, not a test of zero change) and <c>demonstrated</c> passes when the
/// upper bound is under it. Every test of a run shares one family-wise correction (see
/// <see cref="Gate.FamilyWiseCorrection"/>). Other metrics
/// are decided on the candidate's bounds against the blessed value; counts exactly.
/// </summary>
public static class RegressionEvaluator
{
    public sealed record Inputs(
        RegressionSettings Settings,
        BaselineDocument Baseline,
        string? HeldoutChanged,
        SetEvaluation Heldout,
        SetEvaluation? Suite,
        IReadOnlyList<PairedItem> SuiteItems,
        StatisticsSettings Statistics)
    {
        /// <summary>The suite's pinned items and whether the candidate gets each wrong.</summary>
        public IReadOnlyList<(string Id, bool CandidateWrong)> Pinned { get; init; } = [];
    }

    /// <summary>The checks of one slice: its inputs restricted to its examples, or why it cannot be compared.</summary>
    /// <param name="Label">How the slice's checks are named: <c>heldout[provider=gmail]</c>.</param>
    /// <param name="Undecided">Set when the slice is missing or too small: every check on it is inconclusive for this reason.</param>
    public sealed record SliceInputs(string Label, Inputs Inputs, string? Undecided);

    /// <param name="slices">Per-slice checks; they share Holm's correction with the run's other checks.</param>
    public static IReadOnlyList<RegressionOutcome> Evaluate(Inputs inputs, IReadOnlyList<SliceInputs>? slices = null)
    {
        var drafts = inputs.Settings.Limits.Select(limit => Draft(limit, inputs)).ToList();
        foreach (var slice in slices ?? [])
        {
            drafts.AddRange(slice.Inputs.Settings.Limits.Select(limit =>
            {
                var named = limit with { DataSet = slice.Label };
                if (slice.Undecided is { } why)
                {
                    var evidence = limit.Evidence ?? inputs.Statistics.Evidence;
                    return new Drafted(new RegressionOutcome(named, evidence, "slice", null, null, null, null, null, null, null, null, null, null, Verdict.Inconclusive, why), null);
                }

                var draft = Draft(limit, slice.Inputs);
                return draft with { Outcome = draft.Outcome with { Limit = named } };
            }));
        }

        // The margin tests are decided at the configured confidence here; the run corrects them
        // for their number together with every other decision (FamilyWiseCorrection).
        var alpha = 1 - inputs.Statistics.Confidence;
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].PValue is { } p)
            {
                var rejected = p <= alpha;
                var outcome = drafts[i].Outcome;
                var verdict = outcome.Evidence == Evidence.Significant
                    ? rejected ? Verdict.Failed : Verdict.Passed
                    : rejected ? Verdict.Passed : Verdict.Failed;
                drafts[i] = drafts[i] with { Outcome = outcome with { Verdict = verdict, PValue = p } };
            }
        }

        return [.. drafts.Select(d => d.Outcome)];
    }

    private sealed record Drafted(RegressionOutcome Outcome, double? PValue);

    private static Drafted Draft(RegressionLimitSettings limit, Inputs inputs)
    {
        var evidence = limit.Evidence ?? inputs.Statistics.Evidence;
        if (RegressionParser.Counts.Contains(limit.Metric.Name))
        {
            return new Drafted(limit.Metric.Name == "pinned_regressed" ? PinnedCheck(limit, evidence, inputs.Pinned) : CountCheck(limit, evidence, inputs.SuiteItems), null);
        }

        var baselineMetric = inputs.Baseline.Find(limit.DataSet, limit.Metric.ToString());
        if (limit.DataSet == DataSetNames.Heldout && inputs.HeldoutChanged is { } change)
        {
            throw new DataException(ErrorCodes.BaselineInvalid, $"'{limit.Key}' cannot be compared with the baseline: {change}.", limit.Location, "Bless the baseline again on the current held-out set.");
        }

        var table = limit.DataSet == DataSetNames.Heldout
            ? PairedTables.Heldout(limit.Metric.Name, inputs.Baseline.Heldout, inputs.Heldout.Outcomes, inputs.Heldout.Confusion)
            : PairedTables.Suite(limit.Metric.Name, inputs.SuiteItems);
        if (table is { } paired)
        {
            return Paired(limit, evidence, paired, inputs.Statistics);
        }

        var candidate = (limit.DataSet == DataSetNames.Heldout ? inputs.Heldout : inputs.Suite)?.Find(limit.Metric)
            ?? throw new DataException(ErrorCodes.MetricNotComputable, $"'{limit.Key}' has no value for the candidate.", limit.Location);
        var blessed = baselineMetric ?? throw new DataException(ErrorCodes.BaselineInvalid, $"The baseline has no value for '{limit.Key}'.", limit.Location, "Bless again so the baseline records it.");
        return new Drafted(AgainstBaselineValue(limit, evidence, candidate, blessed.Value, inputs.Statistics), null);
    }

    private static Drafted Paired(RegressionLimitSettings limit, Evidence evidence, PairedDifference table, StatisticsSettings statistics)
    {
        // A decrease limit is an increase limit on the negated change.
        var increase = limit.MaxIncrease is not null;
        var allowedRaw = (increase ? limit.MaxIncrease : limit.MaxDecrease)!.Value;
        var allowed = limit.Relative ? allowedRaw * table.Baseline : allowedRaw;
        var sign = increase ? 1 : -1;
        var change = sign * table.Difference;
        Bounds ChangeBounds(double confidence)
        {
            var b = table.BoundsAt(confidence);
            return increase ? b : new Bounds(-b.Upper, -b.Lower);
        }

        var bounds = ChangeBounds(statistics.Confidence);
        var mcNemar = McNemar.ExactPValue(table.CandidateOnly, table.BaselineOnly);
        var direction = increase ? "increase" : "decrease";
        var message = $"{limit.Metric} {Format(table.Baseline)} -> {Format(table.Candidate)} on {table.Total} paired examples " +
            $"({table.CandidateOnly} newly counted, {table.BaselineOnly} no longer): {direction} {Format(change)}, bounds [{Format(bounds.Lower)}, {Format(bounds.Upper)}], allowed {Format(allowed)} ({Wording.YamlName(evidence)}); McNemar p = {PValueText(mcNemar)}";
        var outcome = new RegressionOutcome(limit, evidence, "paired", table.Baseline, table.Candidate, change, bounds, allowed, table.Total,
            table.CandidateOnly, table.BaselineOnly, mcNemar, null, Verdict.Passed, message);

        var minCount = statistics.MinCount;
        if (table.Total < minCount)
        {
            return new Drafted(outcome with { Verdict = Verdict.Inconclusive, Message = $"only {table.Total} paired examples; at least {minCount} are needed to decide" }, null);
        }

        return evidence switch
        {
            Evidence.Point => new Drafted(outcome with { Verdict = change > allowed ? Verdict.Failed : Verdict.Passed }, null),
            // With no change allowed, the exact one-sided McNemar test must agree: Newcombe's bound
            // alone calls 3 newly wrong and none newly right significant, a coin could do that.
            Evidence.Significant when allowed == 0 => new Drafted(outcome, Math.Max(
                BoundTest.PValue(c => ChangeBounds(c).Lower > allowed),
                increase ? McNemar.OneSidedPValue(table.CandidateOnly, table.BaselineOnly) : McNemar.OneSidedPValue(table.BaselineOnly, table.CandidateOnly))),
            Evidence.Significant => new Drafted(outcome, BoundTest.PValue(c => ChangeBounds(c).Lower > allowed)),
            _ => new Drafted(outcome, BoundTest.PValue(c => ChangeBounds(c).Upper < allowed)),
        };
    }

    private static RegressionOutcome AgainstBaselineValue(RegressionLimitSettings limit, Evidence evidence, MetricValue candidate, double blessed, StatisticsSettings statistics)
    {
        var increase = limit.MaxIncrease is not null;
        var allowed = (increase ? limit.MaxIncrease : limit.MaxDecrease)!.Value * (limit.Relative ? Math.Abs(blessed) : 1);
        var asLimit = new LimitSettings(limit.DataSet, limit.Metric, increase ? null : blessed - allowed, increase ? blessed + allowed : null, evidence, null, limit.Location);
        var decided = LimitEvaluator.Decide(asLimit, candidate, statistics);
        var change = candidate.Value - blessed;
        return new RegressionOutcome(limit, evidence, "baseline value", blessed, candidate.Value, increase ? change : -change, candidate.Bounds, allowed, null, null, null, null, null,
            decided.Verdict, $"{limit.Metric} {Format(blessed)} -> {Format(candidate.Value)}: {decided.Message}")
        {
            PValue = decided.PValue,
        };
    }

    private static RegressionOutcome CountCheck(RegressionLimitSettings limit, Evidence evidence, IReadOnlyList<PairedItem> items)
    {
        if (items.Count == 0)
        {
            // A count over nothing would pass any max: an emptied suite, or none of the blessed items left.
            return new RegressionOutcome(limit, evidence, "count", null, null, null, null, limit.Max ?? limit.Min, 0, 0, 0, null, null, Verdict.Inconclusive,
                $"{limit.Metric}: no suite item was scored by both models, so nothing was compared (an emptied suite, or none of the items the baseline was blessed on is left); bless again once the suite holds items");
        }

        var regressed = items.Where(i => !i.BaselineWrong && i.CandidateWrong).Select(i => i.Id).ToList();
        var fixedItems = items.Where(i => i.BaselineWrong && !i.CandidateWrong).Select(i => i.Id).ToList();
        var counted = limit.Metric.Name == "regressed" ? regressed : fixedItems;
        var broken = counted.Count > limit.Max || counted.Count < limit.Min;
        var examples = counted.Count == 0 ? string.Empty : $": {string.Join(", ", counted.Take(5))}{(counted.Count > 5 ? ", …" : string.Empty)}";
        var bound = limit.Max is { } max ? $"max {Format(max)}" : $"min {Format(limit.Min!.Value)}";
        return new RegressionOutcome(limit, evidence, "count", null, counted.Count, null, null, limit.Max ?? limit.Min, items.Count, regressed.Count, fixedItems.Count, null, null,
            broken ? Verdict.Failed : Verdict.Passed,
            $"{limit.Metric} = {counted.Count} of {items.Count} items both models scored, {bound}{examples}");
    }

    /// <summary>Pinned items are confirmed mistakes: each one the candidate gets wrong counts, however close the call.</summary>
    private static RegressionOutcome PinnedCheck(RegressionLimitSettings limit, Evidence evidence, IReadOnlyList<(string Id, bool CandidateWrong)> pinned)
    {
        if (pinned.Count == 0)
        {
            return new RegressionOutcome(limit, evidence, "count", null, null, null, null, limit.Max ?? limit.Min, 0, 0, 0, null, null, Verdict.Inconclusive,
                "pinned_regressed: no suite item is pinned yet, so nothing was checked; pin confirmed mistakes the model now gets right with 'qgate suite pin ID' ('qgate mine' proposes some)");
        }

        var back = pinned.Where(p => p.CandidateWrong).Select(p => p.Id).ToList();
        var broken = back.Count > limit.Max || back.Count < limit.Min;
        var examples = back.Count == 0 ? string.Empty : $": {string.Join(", ", back.Take(5))}{(back.Count > 5 ? ", …" : string.Empty)}";
        var bound = limit.Max is { } max ? $"max {Format(max)}" : $"min {Format(limit.Min!.Value)}";
        return new RegressionOutcome(limit, evidence, "count", null, back.Count, null, null, limit.Max ?? limit.Min, pinned.Count, back.Count, null, null, null,
            broken ? Verdict.Failed : Verdict.Passed,
            $"pinned_regressed = {back.Count} of {pinned.Count} pinned items wrong again, {bound}{examples}");
    }

    private static string Format(double value) => Wording.Number(value);

    private static string PValueText(double p) => p < 0.0001 ? "< 0.0001" : Format(p);
}
