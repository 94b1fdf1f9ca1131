using MathNet.Numerics.Distributions;

namespace QualityGate.Statistics;

/// <summary>
/// McNemar's exact test of "no change" on paired outcomes: a two-sided binomial test on the
/// discordant pairs, as statsmodels' <c>mcnemar(table, exact=True)</c> computes it.
/// </summary>
public static class McNemar
{
    public static double ExactPValue(long candidateOnly, long baselineOnly)
    {
        var discordant = candidateOnly + baselineOnly;
        if (discordant == 0)
        {
            return 1;
        }

        var smaller = Math.Min(candidateOnly, baselineOnly);
        return Math.Min(1, 2 * Binomial.CDF(0.5, (int)discordant, smaller));
    }
}
