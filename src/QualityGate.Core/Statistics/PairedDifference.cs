namespace QualityGate.Statistics;

/// <summary>
/// The difference of two proportions measured on the same examples (candidate minus baseline),
/// with Newcombe's hybrid score bounds for paired data (Newcombe 1998, method 10): Wilson bounds
/// of each proportion, combined with the correlation of the paired outcomes. Unlike the Wald
/// interval it stays inside [-1, 1] and behaves near 0 and 1, where error rates live.
/// </summary>
/// <param name="Both">Examples counted by both models (for example, both wrong).</param>
/// <param name="CandidateOnly">Counted by the candidate only.</param>
/// <param name="BaselineOnly">Counted by the baseline only.</param>
/// <param name="Neither">Counted by neither.</param>
public readonly record struct PairedDifference(long Both, long CandidateOnly, long BaselineOnly, long Neither)
{
    public long Total => Both + CandidateOnly + BaselineOnly + Neither;

    public double Candidate => Total == 0 ? double.NaN : (double)(Both + CandidateOnly) / Total;

    public double Baseline => Total == 0 ? double.NaN : (double)(Both + BaselineOnly) / Total;

    public double Difference => Candidate - Baseline;

    /// <summary>The same table counting the complement (right instead of wrong): the difference changes sign.</summary>
    public PairedDifference Complement => new(Neither, BaselineOnly, CandidateOnly, Both);

    /// <summary>Lower and upper bounds of the difference, each one-sided at <paramref name="confidence"/>.</summary>
    public Bounds BoundsAt(double confidence)
    {
        var n = Total;
        if (n == 0)
        {
            return new Bounds(-1, 1);
        }

        var p1 = Candidate;
        var p2 = Baseline;
        var w1 = ProportionBounds.Wilson(Both + CandidateOnly, n, confidence);
        var w2 = ProportionBounds.Wilson(Both + BaselineOnly, n, confidence);
        var phi = Correlation();
        var delta = Math.Sqrt(Math.Max(0, Square(p1 - w1.Lower) - (2 * phi * (p1 - w1.Lower) * (w2.Upper - p2)) + Square(w2.Upper - p2)));
        var epsilon = Math.Sqrt(Math.Max(0, Square(w1.Upper - p1) - (2 * phi * (w1.Upper - p1) * (p2 - w2.Lower)) + Square(p2 - w2.Lower)));
        return new Bounds(Math.Max(-1, Difference - delta), Math.Min(1, Difference + epsilon));
    }

    /// <summary>The phi coefficient of the 2x2 table, 0 when a margin is empty.</summary>
    private double Correlation()
    {
        double a = Both, b = CandidateOnly, c = BaselineOnly, d = Neither;
        var denominator = Math.Sqrt((a + b) * (c + d) * (a + c) * (b + d));
        return denominator == 0 ? 0 : ((a * d) - (b * c)) / denominator;
    }

    private static double Square(double x) => x * x;
}
