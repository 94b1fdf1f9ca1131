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

    /// <summary>
    /// The exact one-sided p-value of "the candidate is no worse": the chance of at least
    /// <paramref name="candidateOnly"/> of the discordant pairs going the candidate's way by coin flips.
    /// </summary>
    public static double OneSidedPValue(long candidateOnly, long baselineOnly)
    {
        var discordant = candidateOnly + baselineOnly;
        return candidateOnly == 0 ? 1 : Math.Min(1, 1 - Binomial.CDF(0.5, (int)discordant, candidateOnly - 1));
    }
}
