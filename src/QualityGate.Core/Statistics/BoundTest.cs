namespace QualityGate.Statistics;

/// <summary>
/// Turns a decision made on a confidence bound into a p-value, so that many such decisions can
/// share a family-wise correction. Bounds widen as the confidence grows, so "the bound at
/// confidence c rejects" holds for every c up to some c*, and the p-value is 1 - c*.
/// </summary>
public static class BoundTest
{
    /// <param name="rejectsAt">Whether the bound at this confidence rejects the null hypothesis.</param>
    public static double PValue(Func<double, bool> rejectsAt)
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
}
