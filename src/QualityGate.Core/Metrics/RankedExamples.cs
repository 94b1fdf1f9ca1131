using QualityGate.Scoring;

namespace QualityGate.Metrics;

/// <summary>
/// A set's examples sorted by score, highest first: the one ordering every ranking metric,
/// curve and bootstrap replicate walks. Sorting once keeps each replicate O(n).
/// </summary>
internal sealed class RankedExamples
{
    private RankedExamples(double[] scores, bool[] positive, int positives)
    {
        Scores = scores;
        Positive = positive;
        Positives = positives;
        Negatives = scores.Length - positives;
    }

    public double[] Scores { get; }

    public bool[] Positive { get; }

    public int Positives { get; }

    public int Negatives { get; }

    public int Count => Scores.Length;

    public static RankedExamples From(ScoredSet set)
    {
        // Sort negated scores (highest first) carrying the row order; negating back in place
        // leaves the sorted scores without another copy of the data.
        var sorted = new double[set.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = -set.ScoreArray[i];
        }

        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var positive = new bool[order.Length];
        var positives = 0;
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = -sorted[i];
            positive[i] = set.PositiveArray[order[i]];
            positives += positive[i] ? 1 : 0;
        }

        return new RankedExamples(sorted, positive, positives);
    }

    /// <summary>
    /// Walks the distinct scores from the highest down; at each, the (weighted) positives and
    /// negatives scoring at or above it: every threshold-sweeping metric and curve is built from this.
    /// </summary>
    public IEnumerable<(double Threshold, double TruePositives, double FalsePositives)> Cumulative(int[]? weights = null)
    {
        double tp = 0, fp = 0;
        for (var start = 0; start < Count;)
        {
            var end = TieGroupEnd(start);
            for (var i = start; i < end; i++)
            {
                var w = weights?[i] ?? 1;
                if (Positive[i])
                {
                    tp += w;
                }
                else
                {
                    fp += w;
                }
            }

            yield return (Scores[start], tp, fp);
            start = end;
        }
    }

    /// <summary>The end (exclusive) of the run of equal scores starting at <paramref name="start"/>.</summary>
    public int TieGroupEnd(int start)
    {
        var end = start + 1;
        while (end < Scores.Length && Scores[end] == Scores[start])
        {
            end++;
        }

        return end;
    }
}
