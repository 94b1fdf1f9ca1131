namespace QualityGate.Metrics;

/// <summary>
/// Ranked examples folded into at most a few thousand bins of neighbouring scores, highest first:
/// per bin the positives and negatives, and their summed log loss. A bin never splits a run of
/// equal scores and never straddles the threshold, so a count at the operating point is exact;
/// a ranking metric sees each bin as one tie. Built once; a bootstrap replicate then costs the
/// bins, not the rows.
/// </summary>
internal sealed class ScoreBins
{
    private const double Epsilon = 1e-15;

    private ScoreBins(int count)
    {
        Positives = new double[count];
        Negatives = new double[count];
        PositiveLoss = new double[count];
        NegativeLoss = new double[count];
        Predicted = new bool[count];
    }

    public double[] Positives { get; }

    public double[] Negatives { get; }

    /// <summary>The mean -log(p) of the bin's positives (p clipped to [1e-15, 1 - 1e-15], as scikit-learn does).</summary>
    public double[] PositiveLoss { get; }

    /// <summary>The mean -log(1 - p) of the bin's negatives.</summary>
    public double[] NegativeLoss { get; }

    /// <summary>Whether the bin's scores are at or above the threshold (predicted positive).</summary>
    public bool[] Predicted { get; }

    public int Count => Positives.Length;

    public static ScoreBins From(RankedExamples r, double threshold, int maxBins)
    {
        var target = Math.Max(1, r.Count / maxBins);
        var ends = new List<int>();
        for (var start = 0; start < r.Count;)
        {
            var end = r.TieGroupEnd(start);
            var above = r.Scores[start] >= threshold;
            while (end < r.Count && end - start < target && r.Scores[end] >= threshold == above)
            {
                end = r.TieGroupEnd(end);
            }

            ends.Add(end);
            start = end;
        }

        var bins = new ScoreBins(ends.Count);
        var row = 0;
        for (var b = 0; b < ends.Count; b++)
        {
            bins.Predicted[b] = r.Scores[row] >= threshold;
            for (; row < ends[b]; row++)
            {
                var p = Math.Clamp(r.Scores[row], Epsilon, 1 - Epsilon);
                if (r.Positive[row])
                {
                    bins.Positives[b]++;
                    bins.PositiveLoss[b] -= Math.Log(p);
                }
                else
                {
                    bins.Negatives[b]++;
                    bins.NegativeLoss[b] -= Math.Log(1 - p);
                }
            }

            // Means, so a replicate's loss is one multiply per bin and class.
            bins.PositiveLoss[b] = bins.Positives[b] == 0 ? 0 : bins.PositiveLoss[b] / bins.Positives[b];
            bins.NegativeLoss[b] = bins.Negatives[b] == 0 ? 0 : bins.NegativeLoss[b] / bins.Negatives[b];
        }

        return bins;
    }

    /// <summary>Average precision over the bins, each bin one tie; <paramref name="positives"/> and <paramref name="negatives"/> are a replicate's weights (or the counts).</summary>
    public double AveragePrecision(double[] positives, double[] negatives)
    {
        var total = Sum(positives);
        if (total == 0)
        {
            return double.NaN;
        }

        double tp = 0, fp = 0, ap = 0, previousRecall = 0;
        for (var b = 0; b < Count; b++)
        {
            tp += positives[b];
            fp += negatives[b];
            if (tp + fp > 0)
            {
                var recall = tp / total;
                ap += (recall - previousRecall) * (tp / (tp + fp));
                previousRecall = recall;
            }
        }

        return ap;
    }

    /// <summary>The highest true-positive rate at a bin boundary whose false-positive rate is at most <paramref name="maxFpr"/>.</summary>
    public double TprAtFpr(double[] positives, double[] negatives, double maxFpr)
    {
        double totalPositive = Sum(positives), totalNegative = Sum(negatives), tp = 0, fp = 0, best = 0;
        if (totalPositive == 0 || totalNegative == 0)
        {
            return double.NaN;
        }

        for (var b = 0; b < Count; b++)
        {
            tp += positives[b];
            fp += negatives[b];
            if (fp / totalNegative > maxFpr)
            {
                break;
            }

            best = tp / totalPositive;
        }

        return best;
    }

    /// <summary>Mean log loss, each bin's examples weighted alike.</summary>
    public double LogLoss(double[] positives, double[] negatives)
    {
        double sum = 0, total = 0;
        for (var b = 0; b < Count; b++)
        {
            sum += (positives[b] * PositiveLoss[b]) + (negatives[b] * NegativeLoss[b]);
            total += positives[b] + negatives[b];
        }

        return total == 0 ? double.NaN : sum / total;
    }

    /// <summary>2TP / (2TP + FP + FN) at the threshold: exact, since no bin straddles it.</summary>
    public double F1(double[] positives, double[] negatives)
    {
        double tp = 0, fp = 0, fn = 0;
        for (var b = 0; b < Count; b++)
        {
            if (Predicted[b])
            {
                tp += positives[b];
                fp += negatives[b];
            }
            else
            {
                fn += positives[b];
            }
        }

        var denominator = (2 * tp) + fp + fn;
        return denominator == 0 ? double.NaN : 2 * tp / denominator;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
