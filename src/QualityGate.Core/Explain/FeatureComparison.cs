namespace QualityGate.Explain;

/// <summary>
/// How one feature's hard negatives differ from the easy negatives, and how close they sit to the
/// positives. Differences are standardised mean differences (Cohen's d: the difference of means
/// over the two groups' pooled standard deviation).
/// </summary>
/// <param name="Pull">
/// How far this feature moves hard negatives towards the positives: the hard-versus-easy difference,
/// counted positive when it points the way the positives lie from the easy negatives. The ranking key.
/// </param>
public sealed record FeatureComparison(
    Feature Feature,
    GroupSummary Hard,
    GroupSummary Easy,
    GroupSummary Positives,
    double HardVsEasy,
    double HardVsPositives,
    double PositivesVsEasy,
    double Pull)
{
    public static FeatureComparison Of(Feature feature, GroupSummary hard, GroupSummary easy, GroupSummary positives)
    {
        var hardVsEasy = Difference(hard, easy);
        var positivesVsEasy = Difference(positives, easy);
        return new FeatureComparison(feature, hard, easy, positives, hardVsEasy, Difference(hard, positives), positivesVsEasy, hardVsEasy * Math.Sign(positivesVsEasy));
    }

    /// <summary>Cohen's d of a over b; 0 when either group has no values or neither varies and the means agree.</summary>
    public static double Difference(GroupSummary a, GroupSummary b)
    {
        if (a.Mean is not { } meanA || b.Mean is not { } meanB)
        {
            return 0;
        }

        var pooled = Math.Sqrt(((a.StandardDeviation!.Value * a.StandardDeviation.Value) + (b.StandardDeviation!.Value * b.StandardDeviation.Value)) / 2);
        if (pooled == 0)
        {
            // Constant in both groups: no difference, or a complete separation, shown as a large d of the right sign.
            return meanA == meanB ? 0 : Math.Sign(meanA - meanB) * SeparatedDifference;
        }

        return (meanA - meanB) / pooled;
    }

    /// <summary>What two constant groups with different values count as: far beyond any d seen in real data.</summary>
    public const double SeparatedDifference = 10;
}
