using MathNet.Numerics.Statistics;

namespace QualityGate.Explain;

/// <summary>One feature's values in one group: how many, how often missing or zero, and where they lie.</summary>
/// <param name="Count">Examples in the sample, missing values included.</param>
public sealed record GroupSummary(int Count, double MissingShare, double ZeroShare, double? Mean, double? StandardDeviation, double? P10, double? P25, double? Median, double? P75, double? P90)
{
    /// <param name="values">The group's values, NaN where missing.</param>
    public static GroupSummary Of(IReadOnlyList<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        var missing = values.Count == 0 ? 0 : (double)(values.Count - present.Length) / values.Count;
        if (present.Length == 0)
        {
            return new GroupSummary(values.Count, missing, 0, null, null, null, null, null, null, null);
        }

        Array.Sort(present);
        double Q(double tau) => SortedArrayStatistics.QuantileCustom(present, tau, QuantileDefinition.R7);
        var zeros = (double)present.Count(v => v == 0) / values.Count;
        var (mean, variance) = present.Length > 1 ? ArrayStatistics.MeanVariance(present) : (present[0], 0.0);
        return new GroupSummary(values.Count, missing, zeros, mean, Math.Sqrt(variance), Q(0.10), Q(0.25), Q(0.50), Q(0.75), Q(0.90));
    }
}
