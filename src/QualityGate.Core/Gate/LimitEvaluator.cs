using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Statistics;

namespace QualityGate.Gate;

/// <summary>
/// Decides a limit. For a <c>max</c> limit (a <c>min</c> limit is the mirror image):
/// <c>point</c> fails when the estimate is over it; <c>significant</c> fails only when the lower
/// bound is over it; <c>demonstrated</c> passes only when the upper bound is under it.
/// Inconclusive: fewer examples than the minimum count, or (demonstrated) so few that even a
/// flawless result could not demonstrate the limit.
/// </summary>
public static class LimitEvaluator
{
    public static LimitOutcome Decide(LimitSettings limit, MetricValue value, StatisticsSettings statistics)
    {
        var evidence = limit.Evidence ?? statistics.Evidence;
        var minCount = limit.MinCount ?? statistics.MinCount;
        if (value.EmptyDenominator)
        {
            return new LimitOutcome(limit, evidence, minCount, value, null, Verdict.Inconclusive,
                $"no examples count towards {limit.Metric} (for example, an empty region); at least {minCount} are needed to decide", minCount);
        }

        if (value.Unavailable is { } reason)
        {
            throw new DataException(ErrorCodes.MetricNotComputable, $"The limit on {limit.DataSet} {limit.Metric} cannot be decided: {limit.Metric} cannot be computed because {reason}.", limit.Location);
        }

        if (value.IsCount)
        {
            var broken = value.Value > limit.Max || value.Value < limit.Min;
            return new LimitOutcome(limit, evidence, minCount, value, value.Value, broken ? Verdict.Failed : Verdict.Passed,
                $"{limit.Metric} = {Wording.Number(value.Value)} {Wording.Limit(limit)}", null);
        }

        if (value.SampleSize < minCount)
        {
            return new LimitOutcome(limit, evidence, minCount, value, null, Verdict.Inconclusive,
                $"only {value.SampleSize} examples count towards {limit.Metric}; at least {minCount} are needed to decide", minCount);
        }

        var (decidedOn, passes) = evidence switch
        {
            Evidence.Point => (value.Value, Within(value.Value, value.Value, limit)),
            Evidence.Significant => (limit.Max is not null ? value.Bounds.Lower : value.Bounds.Upper, Within(value.Bounds.Lower, value.Bounds.Upper, limit)),
            _ => (limit.Max is not null ? value.Bounds.Upper : value.Bounds.Lower, WithinStrict(value.Bounds.Upper, value.Bounds.Lower, limit)),
        };

        long? needed = null;
        if (!passes && evidence == Evidence.Demonstrated && value.IsProportion)
        {
            var flawless = FlawlessCanDemonstrate(limit, value.Trials!.Value, statistics);
            needed = ExamplesNeeded(limit, value, statistics);
            if (!flawless)
            {
                return new LimitOutcome(limit, evidence, minCount, value, decidedOn, Verdict.Inconclusive,
                    $"{value.Trials} examples cannot demonstrate {limit.Metric} {Wording.Limit(limit)} at {Wording.Percent(statistics.Confidence)} even with no errors; about {needed} would be needed",
                    needed);
            }
        }

        var verdict = passes ? Verdict.Passed : Verdict.Failed;
        var message = $"{limit.Metric} = {Wording.Number(value.Value)}, {Wording.Percent(statistics.Confidence)} bounds [{Wording.Number(value.Bounds.Lower)}, {Wording.Number(value.Bounds.Upper)}], {Wording.Limit(limit)} ({Wording.YamlName(evidence)})";
        if (needed is { } n && n > 0 && verdict == Verdict.Failed && WithinStrict(value.Value, value.Value, limit))
        {
            message += $"; at this rate about {n} examples would demonstrate it";
        }

        return new LimitOutcome(limit, evidence, minCount, value, decidedOn, verdict, message, needed) { PValue = PValueOf(limit, value, evidence) };
    }

    /// <summary>The p-value of the decision the bound made, for the run's family-wise correction.</summary>
    private static double? PValueOf(LimitSettings limit, MetricValue value, Evidence evidence)
    {
        if (value.BoundsAt is not { } boundsAt || evidence == Evidence.Point)
        {
            return null;
        }

        return evidence == Evidence.Significant
            ? BoundTest.PValue(c => { var b = boundsAt(c); return !Within(b.Lower, b.Upper, limit); })
            : BoundTest.PValue(c => { var b = boundsAt(c); return WithinStrict(b.Upper, b.Lower, limit); });
    }

    private static bool Within(double low, double high, LimitSettings limit) =>
        !(low > limit.Max) && !(high < limit.Min);

    private static bool WithinStrict(double upper, double lower, LimitSettings limit) =>
        (limit.Max is null || upper < limit.Max) && (limit.Min is null || lower > limit.Min);

    private static bool FlawlessCanDemonstrate(LimitSettings limit, long n, StatisticsSettings statistics)
    {
        // The best outcome for a max limit is no successes; for a min limit, all of them.
        var best = limit.Max is not null ? ProportionBounds.For(statistics.IntervalMethod, 0, n, statistics.Confidence) : ProportionBounds.For(statistics.IntervalMethod, n, n, statistics.Confidence);
        return WithinStrict(best.Upper, best.Lower, limit);
    }

    /// <summary>The smallest n at which the current rate (or a flawless one, if the rate itself is past the limit) would be demonstrated.</summary>
    private static long ExamplesNeeded(LimitSettings limit, MetricValue value, StatisticsSettings statistics)
    {
        var rate = value.Value;
        if (!WithinStrict(rate, rate, limit))
        {
            rate = limit.Max is not null ? 0 : 1;
        }

        bool Demonstrates(long n)
        {
            var k = (long)Math.Round(rate * n);
            var b = ProportionBounds.For(statistics.IntervalMethod, k, n, statistics.Confidence);
            return WithinStrict(b.Upper, b.Lower, limit);
        }

        long high = Math.Max(1, value.Trials!.Value);
        while (!Demonstrates(high))
        {
            if (high > 1_000_000_000)
            {
                return -1;
            }

            high *= 2;
        }

        long low = high / 2;
        while (low + 1 < high)
        {
            var mid = (low + high) / 2;
            (low, high) = Demonstrates(mid) ? (low, mid) : (mid, high);
        }

        return high;
    }

}
