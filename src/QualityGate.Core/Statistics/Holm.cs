namespace QualityGate.Statistics;

/// <summary>
/// Holm's step-down correction (Holm 1979): with m tests at family-wise level alpha, the i-th
/// smallest p-value (i from 0) is rejected when it is at most alpha / (m - i) and every smaller
/// one was rejected. Controls the chance of any false alarm across a run's checks.
/// </summary>
public static class Holm
{
    /// <returns>For each p-value, in the given order, whether its null hypothesis is rejected.</returns>
    public static bool[] Reject(IReadOnlyList<double> pValues, double alpha)
    {
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var rejected = new bool[pValues.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            if (pValues[order[rank]] > alpha / (order.Length - rank))
            {
                break;
            }

            rejected[order[rank]] = true;
        }

        return rejected;
    }

    /// <summary>Holm-adjusted p-values, as statsmodels' <c>multipletests(p, method="holm")</c> reports them.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[pValues.Count];
        var running = 0.0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            running = Math.Max(running, Math.Min(1, (order.Length - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
