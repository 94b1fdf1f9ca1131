namespace QualityGate.Metrics;

/// <summary>Plot data: ROC and precision-recall points, and per-class score histograms.</summary>
internal static class CurveBuilder
{
    /// <summary>Enough points for a smooth plot; more only bloats the JSON.</summary>
    private const int MaxPoints = 200;
    private const int Bins = 40;

    public static Curves Build(RankedExamples r)
    {
        var roc = new List<CurvePoint> { new(0, 0, Math.BitIncrement(r.Scores[0])) };
        var pr = new List<CurvePoint>();
        foreach (var (threshold, tp, fp) in r.Cumulative())
        {
            roc.Add(new CurvePoint(r.Negatives == 0 ? 0 : fp / r.Negatives, r.Positives == 0 ? 0 : tp / r.Positives, threshold));
            pr.Add(new CurvePoint(r.Positives == 0 ? 0 : tp / r.Positives, tp / (tp + fp), threshold));
        }

        return new Curves(Thin(roc), Thin(pr));
    }

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

    /// <summary>Every k-th point plus the last, so the curve keeps its ends and its shape.</summary>
    private static List<CurvePoint> Thin(List<CurvePoint> points)
    {
        if (points.Count <= MaxPoints)
        {
            return points;
        }

        var step = (int)Math.Ceiling(points.Count / (double)MaxPoints);
        var thinned = points.Where((_, i) => i % step == 0).ToList();
        if (thinned[^1] != points[^1])
        {
            thinned.Add(points[^1]);
        }

        return thinned;
    }
}
