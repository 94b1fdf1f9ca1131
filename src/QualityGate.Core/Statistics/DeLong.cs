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
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        return ComputeSorted([.. order.Select(i => scores[i])], [.. order.Select(i => positive[i])]);
    }

    /// <summary>
    /// One pass over examples sorted by score, highest first, with no copies: within a run of tied
    /// scores every positive has the same structural component (the share of negatives it
    /// outranks, ties counting half), and so does every negative, so sums of the components and
    /// their squares give the AUC and DeLong's variance directly.
    /// </summary>
    public static Result ComputeSorted(IReadOnlyList<double> scoresDescending, IReadOnlyList<bool> positive)
    {
        long m = 0, n = 0;
        for (var i = 0; i < positive.Count; i++)
        {
            if (positive[i])
            {
                m++;
            }
            else
            {
                n++;
            }
        }

        double positivesAbove = 0, negativesAbove = 0;
        double sum10 = 0, squares10 = 0, sum01 = 0, squares01 = 0;
        for (var start = 0; start < scoresDescending.Count;)
        {
            var end = start + 1;
            while (end < scoresDescending.Count && scoresDescending[end] == scoresDescending[start])
            {
                end++;
            }

            double groupPositives = 0, groupNegatives = 0;
            for (var i = start; i < end; i++)
            {
                if (positive[i])
                {
                    groupPositives++;
                }
                else
                {
                    groupNegatives++;
                }
            }

            // A positive outranks every negative below the group and half of the tied ones.
            var v10 = (n - negativesAbove - groupNegatives + (0.5 * groupNegatives)) / n;
            // A negative is outranked by every positive above the group and half of the tied ones.
            var v01 = (positivesAbove + (0.5 * groupPositives)) / m;
            sum10 += groupPositives * v10;
            squares10 += groupPositives * v10 * v10;
            sum01 += groupNegatives * v01;
            squares01 += groupNegatives * v01 * v01;
            positivesAbove += groupPositives;
            negativesAbove += groupNegatives;
            start = end;
        }

        var auc = sum10 / m;
        var variance10 = m > 1 ? (squares10 - (sum10 * sum10 / m)) / (m - 1) : 0;
        var variance01 = n > 1 ? (squares01 - (sum01 * sum01 / n)) / (n - 1) : 0;
        return new Result(auc, Math.Max(0, variance10 / m) + Math.Max(0, variance01 / n));
    }
}
