namespace QualityGate.Metrics;

/// <summary>
/// Metrics over ranked examples with integer weights: weight 1 everywhere gives the estimate,
/// bootstrap multiplicities give a replicate, so both come from the same code.
/// </summary>
internal static class WeightedMetrics
{
    /// <summary>Average precision as scikit-learn defines it: the sum over thresholds of (R_k - R_k-1) * P_k.</summary>
    public static double AveragePrecision(RankedExamples r, int[]? weights)
    {
        double totalPositive = TotalPositive(r, weights), ap = 0, previousRecall = 0;
        if (totalPositive == 0)
        {
            return double.NaN;
        }

        foreach (var (_, tp, fp) in r.Cumulative(weights))
        {
            if (tp + fp > 0)
            {
                var recall = tp / totalPositive;
                ap += (recall - previousRecall) * (tp / (tp + fp));
                previousRecall = recall;
            }
        }

        return ap;
    }

    /// <summary>The highest true-positive rate at a threshold whose false-positive rate is at most <paramref name="maxFpr"/>.</summary>
    public static double TprAtFpr(RankedExamples r, int[]? weights, double maxFpr)
    {
        double totalPositive = TotalPositive(r, weights), totalNegative = TotalNegative(r, weights), best = 0;
        if (totalPositive == 0 || totalNegative == 0)
        {
            return double.NaN;
        }

        foreach (var (_, tp, fp) in r.Cumulative(weights))
        {
            if (fp / totalNegative > maxFpr)
            {
                break;
            }

            best = tp / totalPositive;
        }

        return best;
    }

    /// <summary>Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 - 1e-15] as scikit-learn does.</summary>
    public static double LogLoss(RankedExamples r, int[]? weights)
    {
        const double Epsilon = 1e-15;
        double sum = 0, total = 0;
        for (var i = 0; i < r.Count; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0)
            {
                continue;
            }

            var p = Math.Clamp(r.Scores[i], Epsilon, 1 - Epsilon);
            sum += w * -(r.Positive[i] ? Math.Log(p) : Math.Log(1 - p));
            total += w;
        }

        return sum / total;
    }

    /// <summary>2TP / (2TP + FP + FN) at a threshold (positive iff score >= threshold).</summary>
    public static double F1(RankedExamples r, int[]? weights, double threshold)
    {
        double tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < r.Count; i++)
        {
            var w = weights?[i] ?? 1;
            var predicted = r.Scores[i] >= threshold;
            if (predicted && r.Positive[i])
            {
                tp += w;
            }
            else if (predicted)
            {
                fp += w;
            }
            else if (r.Positive[i])
            {
                fn += w;
            }
        }

        var denominator = (2 * tp) + fp + fn;
        return denominator == 0 ? double.NaN : 2 * tp / denominator;
    }

    private static double TotalPositive(RankedExamples r, int[]? weights) =>
        weights is null ? r.Positives : WeightOf(r, weights, positive: true);

    private static double TotalNegative(RankedExamples r, int[]? weights) =>
        weights is null ? r.Negatives : WeightOf(r, weights, positive: false);

    /// <summary>
    /// A class's total weight: a plain loop, since every bootstrap replicate asks for it, up to
    /// twice a metric (through LINQ's delegates, about a quarter of the row bootstrap's CPU at
    /// 20,000 rows). Whole numbers, so the sum is exact in any order.
    /// </summary>
    private static double WeightOf(RankedExamples r, int[] weights, bool positive)
    {
        long total = 0;
        var labels = r.Positive;
        for (var i = 0; i < weights.Length; i++)
        {
            total += labels[i] == positive ? weights[i] : 0;
        }

        return total;
    }
}
