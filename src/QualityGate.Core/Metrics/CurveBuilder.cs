namespace QualityGate.Metrics;

/// <summary>Plot data: ROC and precision-recall points, and per-class score histograms.</summary>
internal static class CurveBuilder
{
    /// <summary>Enough points for a smooth plot; more only bloats the JSON.</summary>
    private const int MaxPoints = 200;
    private const int Bins = 40;

    /// <summary>
    /// Thinned as they are built: every k-th threshold and the last are kept, k chosen from the
    /// number of distinct scores counted first, so a million-row set makes 200 points, not a million.
    /// </summary>
    public static Curves Build(RankedExamples r)
    {
        var thresholds = DistinctScores(r);
        var (rocStep, prStep) = (Step(thresholds + 1), Step(thresholds));
        var roc = new List<CurvePoint> { new(0, 0, Math.BitIncrement(r.Scores[0])) };
        var pr = new List<CurvePoint>();
        var index = 0;
        foreach (var (threshold, tp, fp) in r.Cumulative())
        {
            index++;
            var last = index == thresholds;
            if (index % rocStep == 0 || last)
            {
                roc.Add(new CurvePoint(r.Negatives == 0 ? 0 : fp / r.Negatives, r.Positives == 0 ? 0 : tp / r.Positives, threshold));
            }

            if ((index - 1) % prStep == 0 || last)
            {
                pr.Add(new CurvePoint(r.Positives == 0 ? 0 : tp / r.Positives, tp / (tp + fp), threshold));
            }
        }

        return new Curves(roc, pr);
    }

    private static int DistinctScores(RankedExamples r)
    {
        var count = 0;
        for (var start = 0; start < r.Count; start = r.TieGroupEnd(start))
        {
            count++;
        }

        return count;
    }

    /// <summary>Keeping every k-th of <paramref name="points"/> (and the last) keeps at most about <see cref="MaxPoints"/>.</summary>
    private static int Step(int points) => points <= MaxPoints ? 1 : (int)Math.Ceiling(points / (double)MaxPoints);

    public static ScoreHistogram Histogram(RankedExamples r, bool probabilities)
    {
        var low = probabilities ? 0 : r.Scores[^1];
        var high = probabilities ? 1 : r.Scores[0];
        var width = high > low ? (high - low) / Bins : 1;
        var positives = new long[Bins];
        var negatives = new long[Bins];
        for (var i = 0; i < r.Count; i++)
        {
            var bin = Math.Clamp((int)((r.Scores[i] - low) / width), 0, Bins - 1);
            (r.Positive[i] ? positives : negatives)[bin]++;
        }

        return new ScoreHistogram(low, high, positives, negatives);
    }
}
