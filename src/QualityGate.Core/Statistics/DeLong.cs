using MathNet.Numerics.Distributions;

namespace QualityGate.Statistics;

/// <summary>
/// The area under the ROC curve (ties count half) with DeLong's variance (DeLong, DeLong and
/// Clarke-Pearson 1988), computed from mid-ranks in O(n log n) as in Sun and Xu (2014).
/// </summary>
public static class DeLong
{
    public readonly record struct Result(double Auc, double Variance)
    {
        public Bounds BoundsAt(double confidence)
        {
            var z = Normal.InvCDF(0, 1, confidence);
            var se = Math.Sqrt(Variance);
            return new Bounds(Math.Max(0, Auc - (z * se)), Math.Min(1, Auc + (z * se)));
        }
    }

    /// <summary>Requires at least one positive and one negative.</summary>
    public static Result Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var positives = new List<double>();
        var negatives = new List<double>();
        for (var i = 0; i < scores.Count; i++)
        {
            (positive[i] ? positives : negatives).Add(scores[i]);
        }

        int m = positives.Count, n = negatives.Count;
        var all = positives.Concat(negatives).ToArray();
        var rankAll = MidRanks(all);
        var rankPositives = MidRanks([.. positives]);
        var rankNegatives = MidRanks([.. negatives]);

        // V10[i]: share of negatives a positive outranks; V01[j]: share of positives above a negative.
        var v10 = new double[m];
        var v01 = new double[n];
        for (var i = 0; i < m; i++)
        {
            v10[i] = (rankAll[i] - rankPositives[i]) / n;
        }

        for (var j = 0; j < n; j++)
        {
            v01[j] = 1.0 - ((rankAll[m + j] - rankNegatives[j]) / m);
        }

        var auc = v10.Average();
        var variance = (SampleVariance(v10) / m) + (SampleVariance(v01) / n);
        return new Result(auc, variance);
    }

    /// <summary>1-based ranks with ties given the mean of the ranks they span.</summary>
    private static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(values.ToArray(), order);
        var ranks = new double[values.Length];
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            var mid = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = mid;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double SampleVariance(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
