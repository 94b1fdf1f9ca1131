namespace QualityGate.Shards;

/// <summary>
/// Scores and labels kept as counts per score bin, mergeable across shards. A bin is the score
/// rounded toward zero to 12 significant bits (a relative width of 1/4096: about 0.00012 at 0.5),
/// so the histogram holds at most a few thousand bins per power of two, whatever the rows. Bins
/// never straddle a cut (the threshold and the region's edges): a bin is split at each cut, so
/// every count at a known operating point is exact. Ranking metrics are exact up to the order of
/// examples within a bin, which <see cref="AucErrorBound"/> bounds.
/// </summary>
public sealed class ScoreHistogram
{
    private const int KeptMantissaBits = 12;
    private readonly double[] _cuts;
    private readonly SortedDictionary<double, (long Positives, long Negatives)> _bins = [];

    /// <param name="cuts">Scores at which "score >= cut" must be decided exactly; empty when no point is known.</param>
    public ScoreHistogram(IEnumerable<double> cuts) => _cuts = [.. cuts.Distinct().Order()];

    public IReadOnlyCollection<KeyValuePair<double, (long Positives, long Negatives)>> Bins => _bins;

    public long Count => _bins.Values.Sum(b => b.Positives + b.Negatives);

    /// <summary>The value every score of a bin is represented by: on the same side of every cut as the score itself.</summary>
    public double Representative(double score)
    {
        // Monotone in the score, so bins keep the scores' order.
        var binned = (double)RoundTowardZero((float)score);

        // Rounding may carry a score across a cut; the cut nearest the score puts it back.
        foreach (var cut in _cuts)
        {
            if (score >= cut && binned < cut)
            {
                binned = cut;
            }
        }

        for (var i = _cuts.Length - 1; i >= 0; i--)
        {
            if (score < _cuts[i] && binned >= _cuts[i])
            {
                binned = Math.BitDecrement(_cuts[i]);
            }
        }

        return binned;
    }

    public void Add(double score, bool positive, long count = 1) => AddBin(Representative(score), positive ? count : 0, positive ? 0 : count);

    public void AddBin(double representative, long positives, long negatives)
    {
        var (p, n) = _bins.GetValueOrDefault(representative);
        _bins[representative] = (p + positives, n + negatives);
    }

    /// <summary>
    /// How far the AUC from these bins can be from the AUC of the exact scores: pairs of a
    /// positive and a negative in the same bin count one half, where their exact scores would
    /// count 0 or 1 (or one half for a true tie).
    /// </summary>
    public double AucErrorBound()
    {
        double positives = 0, negatives = 0, sameBin = 0;
        foreach (var (p, n) in _bins.Values)
        {
            positives += p;
            negatives += n;
            sameBin += (double)p * n;
        }

        return positives == 0 || negatives == 0 ? 0 : 0.5 * sameBin / (positives * negatives);
    }

    private static float RoundTowardZero(float value)
    {
        if (!float.IsFinite(value) || value == 0)
        {
            return value;
        }

        var bits = BitConverter.SingleToInt32Bits(value);
        const int dropped = 23 - KeptMantissaBits;
        return BitConverter.Int32BitsToSingle(bits & ~((1 << dropped) - 1));
    }
}
