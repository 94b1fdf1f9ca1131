using QualityGate.Baseline;
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
            "accuracy" => Table([.. b.FalsePositives, .. b.FalseNegatives], [.. candidate.FalsePositives, .. candidate.FalseNegatives], confusion.Total).Complement,
            "error_rate" => Table([.. b.FalsePositives, .. b.FalseNegatives], [.. candidate.FalsePositives, .. candidate.FalseNegatives], confusion.Total),
            "region.fpr" => Within(b.RegionNegatives, b.FalsePositives, candidate.FalsePositives),
            "region.fnr" => Within(b.RegionPositives, b.FalseNegatives, candidate.FalseNegatives),
            "region.error_rate" => Within([.. b.RegionNegatives, .. b.RegionPositives], [.. b.FalsePositives, .. b.FalseNegatives], [.. candidate.FalsePositives, .. candidate.FalseNegatives]),
            "region.share" => Table([.. b.RegionNegatives, .. b.RegionPositives], [.. candidate.RegionNegatives, .. candidate.RegionPositives], confusion.Total),
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

    /// <summary>Rows counted by baseline and candidate, as multisets of ids, out of <paramref name="total"/> rows.</summary>
    private static PairedDifference Table(IReadOnlyList<string> baseline, IReadOnlyList<string> candidate, long total)
    {
        var both = IntersectionCount(baseline, candidate);
        return new PairedDifference(both, candidate.Count - both, baseline.Count - both, total - candidate.Count - baseline.Count + both);
    }

    /// <summary>A table over the eligible rows only: each side's counted rows are first restricted to them.</summary>
    private static PairedDifference Within(IReadOnlyList<string> eligible, IReadOnlyList<string> baseline, IReadOnlyList<string> candidate) =>
        Table(Restrict(baseline, eligible), Restrict(candidate, eligible), eligible.Count);

    private static List<string> Restrict(IReadOnlyList<string> ids, IReadOnlyList<string> eligible)
    {
        var room = Counts(eligible);
        var kept = new List<string>();
        foreach (var id in ids)
        {
            if (room.TryGetValue(id, out var left) && left > 0)
            {
                room[id] = left - 1;
                kept.Add(id);
            }
        }

        return kept;
    }

    private static long IntersectionCount(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var counts = Counts(a);
        long both = 0;
        foreach (var id in b)
        {
            if (counts.TryGetValue(id, out var left) && left > 0)
            {
                counts[id] = left - 1;
                both++;
            }
        }

        return both;
    }

    private static Dictionary<string, int> Counts(IEnumerable<string> ids)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        return counts;
    }
}

/// <summary>A suite item both models have an outcome for.</summary>
public sealed record PairedItem(string Id, bool Positive, bool BaselineWrong, bool CandidateWrong, bool BaselineInRegion, bool CandidateInRegion);
