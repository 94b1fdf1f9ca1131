using MathNet.Numerics.Distributions;
using QualityGate.Configuration;

namespace QualityGate.Statistics;

/// <summary>Confidence bounds for a proportion k of n.</summary>
public static class ProportionBounds
{
    public static Bounds For(IntervalMethod method, long k, long n, double confidence) => method switch
    {
        IntervalMethod.ClopperPearson => ClopperPearson(k, n, confidence),
        _ => Wilson(k, n, confidence),
    };

    /// <summary>
    /// Wilson score bounds (Wilson 1927); statsmodels' <c>proportion_confint(k, n, alpha=2(1-c), method="wilson")</c>.
    /// Preferred default: close to nominal coverage even for rates near 0, where hard-negative rates live.
    /// </summary>
    public static Bounds Wilson(long k, long n, double confidence)
    {
        if (n == 0)
        {
            return new Bounds(0, 1);
        }

        var z = Normal.InvCDF(0, 1, confidence);
        var p = (double)k / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return new Bounds(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Exact (Clopper-Pearson 1934) bounds from the beta distribution; conservative.</summary>
    public static Bounds ClopperPearson(long k, long n, double confidence)
    {
        if (n == 0)
        {
            return new Bounds(0, 1);
        }

        var lower = k == 0 ? 0 : Beta.InvCDF(k, n - k + 1, 1 - confidence);
        var upper = k == n ? 1 : Beta.InvCDF(k + 1, n - k, confidence);
        return new Bounds(lower, upper);
    }
}
