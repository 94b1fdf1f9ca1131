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
/// upper bound is under it. The margin tests of a run share Holm's correction. Other metrics
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
        StatisticsSettings Statistics);

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

        // Holm across every margin test of the run, so many checks do not multiply false alarms.
        var tested = drafts.Where(d => d.PValue is not null).ToList();
        var alpha = 1 - inputs.Statistics.Confidence;
        var rejected = Holm.Reject([.. tested.Select(d => d.PValue!.Value)], alpha);
        var adjusted = Holm.Adjust([.. tested.Select(d => d.PValue!.Value)]);
        for (var i = 0; i < tested.Count; i++)
        {
            var draft = tested[i];
            var verdict = draft.Outcome.Evidence == Evidence.Significant
                ? rejected[i] ? Verdict.Failed : Verdict.Passed
                : rejected[i] ? Verdict.Passed : Verdict.Failed;
            var index = drafts.IndexOf(draft);
            drafts[index] = draft with
            {
                Outcome = draft.Outcome with
                {
                    Verdict = verdict,
                    HolmPValue = adjusted[i],
                    Message = $"{draft.Outcome.Message}; Holm-adjusted p = {PValueText(adjusted[i])} over {tested.Count} checks",
                },
            };
        }

        return [.. drafts.Select(d => d.Outcome)];
    }

    private sealed record Drafted(RegressionOutcome Outcome, double? PValue);

    private static Drafted Draft(RegressionLimitSettings limit, Inputs inputs)
    {
        var evidence = limit.Evidence ?? inputs.Statistics.Evidence;
        if (RegressionReader.Counts.Contains(limit.Metric.Name))
        {
            return new Drafted(CountCheck(limit, evidence, inputs.SuiteItems), null);
        }

        var baselineMetric = inputs.Baseline.Find(limit.DataSet, limit.Metric.ToString());
        if (limit.DataSet == "heldout" && inputs.HeldoutChanged is { } change)
        {
            throw new DataException(ErrorCodes.BaselineInvalid, $"'{limit.Key}' cannot be compared with the baseline: {change}.", limit.Location, "Bless the baseline again on the current held-out set.");
        }

        var table = limit.DataSet == "heldout"
            ? PairedTables.Heldout(limit.Metric.Name, inputs.Baseline.Heldout, inputs.Heldout.Outcomes, inputs.Heldout.Confusion)
            : PairedTables.Suite(limit.Metric.Name, inputs.SuiteItems);
        if (table is { } paired)
        {
            return Paired(limit, evidence, paired, inputs.Statistics);
        }

        var candidate = (limit.DataSet == "heldout" ? inputs.Heldout : inputs.Suite)?.Find(limit.Metric)
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
            $"({table.CandidateOnly} newly counted, {table.BaselineOnly} no longer): {direction} {Format(change)}, bounds [{Format(bounds.Lower)}, {Format(bounds.Upper)}], allowed {Format(allowed)} ({LimitEvaluator.YamlName(evidence)}); McNemar p = {PValueText(mcNemar)}";
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
            Evidence.Significant => new Drafted(outcome, PValue(c => ChangeBounds(c).Lower > allowed)),
            _ => new Drafted(outcome, PValue(c => ChangeBounds(c).Upper < allowed)),
        };
    }

    /// <summary>
    /// The p-value of a bound-based test: 1 - the highest confidence at which the bound still
    /// rejects. Bounds widen as confidence grows, so a bisection finds it.
    /// </summary>
    private static double PValue(Func<double, bool> rejectsAt)
    {
        if (!rejectsAt(0.5))
        {
            return 1;
        }

        double low = 0.5, high = 1 - 1e-12;
        if (rejectsAt(high))
        {
            return 1e-12;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = rejectsAt(mid) ? (mid, high) : (low, mid);
        }

        return 1 - low;
    }

    private static RegressionOutcome AgainstBaselineValue(RegressionLimitSettings limit, Evidence evidence, MetricValue candidate, double blessed, StatisticsSettings statistics)
    {
        var increase = limit.MaxIncrease is not null;
        var allowed = (increase ? limit.MaxIncrease : limit.MaxDecrease)!.Value * (limit.Relative ? Math.Abs(blessed) : 1);
        var asLimit = new LimitSettings(limit.DataSet, limit.Metric, increase ? null : blessed - allowed, increase ? blessed + allowed : null, evidence, null, limit.Location);
        var decided = LimitEvaluator.Decide(asLimit, candidate, statistics);
        var change = candidate.Value - blessed;
        return new RegressionOutcome(limit, evidence, "baseline value", blessed, candidate.Value, increase ? change : -change, candidate.Bounds, allowed, null, null, null, null, null,
            decided.Verdict, $"{limit.Metric} {Format(blessed)} -> {Format(candidate.Value)}: {decided.Message}");
    }

    private static RegressionOutcome CountCheck(RegressionLimitSettings limit, Evidence evidence, IReadOnlyList<PairedItem> items)
    {
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

    private static string Format(double value) => LimitEvaluator.Format(value);

    private static string PValueText(double p) => p < 0.0001 ? "< 0.0001" : Format(p);
}
