using QualityGate.Baseline;
using QualityGate.Identity;
using QualityGate.Metrics;
using QualityGate.Statistics;

namespace QualityGate.Regression;

/// <summary>
/// Builds the 2x2 table of paired outcomes for a metric: each row of the held-out set (or each
/// suite item) both models have an outcome for, counted as wrong (or in the region) by both,
/// by one, or by neither. Held-out region metrics use the rows in the baseline's region.
/// </summary>
internal static class PairedTables
{
    /// <summary>Held-out metrics that are rates over a fixed set of rows, so they can be paired.</summary>
    public static PairedDifference? Heldout(string metric, HeldoutOutcomes baseline, RowOutcomes candidate, ConfusionCounts confusion)
    {
        var b = baseline.Outcomes;
        return metric switch
        {
            "fpr" => Table(b.FalsePositives, candidate.FalsePositives, confusion.Negatives),
            "fnr" => Table(b.FalseNegatives, candidate.FalseNegatives, confusion.Positives),
            "recall" => Table(b.FalseNegatives, candidate.FalseNegatives, confusion.Positives).Complement,
            "accuracy" => Table(Wrong(b), Wrong(candidate), confusion.Total).Complement,
            "error_rate" => Table(Wrong(b), Wrong(candidate), confusion.Total),
            "region.fpr" => Within(b.RegionNegatives, b.FalsePositives, candidate.FalsePositives),
            "region.fnr" => Within(b.RegionPositives, b.FalseNegatives, candidate.FalseNegatives),
            "region.error_rate" => Within(InRegion(b), Wrong(b), Wrong(candidate)),
            "region.share" => Table(InRegion(b), InRegion(candidate), confusion.Total),
            _ => null,
        };
    }

    /// <summary>Suite metrics over the items both models have outcomes for.</summary>
    public static PairedDifference? Suite(string metric, IReadOnlyList<PairedItem> items)
    {
        PairedDifference Count(IEnumerable<PairedItem> eligible, Func<PairedItem, (bool Baseline, bool Candidate)> outcome)
        {
            long both = 0, candidateOnly = 0, baselineOnly = 0, neither = 0;
            foreach (var (baseline, candidate) in eligible.Select(outcome))
            {
                _ = (baseline, candidate) switch
                {
                    (true, true) => both++,
                    (false, true) => candidateOnly++,
                    (true, false) => baselineOnly++,
                    _ => neither++,
                };
            }

            return new PairedDifference(both, candidateOnly, baselineOnly, neither);
        }

        return metric switch
        {
            "fpr" => Count(items.Where(i => !i.Positive), i => (i.BaselineWrong, i.CandidateWrong)),
            "fnr" => Count(items.Where(i => i.Positive), i => (i.BaselineWrong, i.CandidateWrong)),
            "recall" => Count(items.Where(i => i.Positive), i => (i.BaselineWrong, i.CandidateWrong)).Complement,
            "accuracy" => Count(items, i => (i.BaselineWrong, i.CandidateWrong)).Complement,
            // Newly wrong against newly right on the items both models scored: retrain churn
            // moves items both ways and cancels; re-breaking fixed mistakes does not.
            "error_rate" => Count(items, i => (i.BaselineWrong, i.CandidateWrong)),
            "region.share" => Count(items, i => (i.BaselineInRegion, i.CandidateInRegion)),
            _ => null,
        };
    }

    private static ExampleIds Wrong(RowOutcomes outcomes) => outcomes.FalsePositives.Concat(outcomes.FalseNegatives);

    private static ExampleIds InRegion(RowOutcomes outcomes) => outcomes.RegionNegatives.Concat(outcomes.RegionPositives);

    /// <summary>Rows counted by baseline and candidate, as multisets of ids, out of <paramref name="total"/> rows.</summary>
    private static PairedDifference Table(ExampleIds baseline, ExampleIds candidate, long total)
    {
        long both = baseline.Intersect(candidate).Count;
        return new PairedDifference(both, candidate.Count - both, baseline.Count - both, total - candidate.Count - baseline.Count + both);
    }

    /// <summary>A table over the eligible rows only: each side's counted rows are first restricted to them.</summary>
    private static PairedDifference Within(ExampleIds eligible, ExampleIds baseline, ExampleIds candidate) =>
        Table(baseline.Intersect(eligible), candidate.Intersect(eligible), eligible.Count);
}

/// <summary>A suite item both models have an outcome for.</summary>
public sealed record PairedItem(string Id, bool Positive, bool BaselineWrong, bool CandidateWrong, bool BaselineInRegion, bool CandidateInRegion);
