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
        var scores = set.ScoreArray.ToArray();
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.Select(s => -s).ToArray();
        Array.Sort(keys, order);
        var positive = order.Select(i => set.PositiveArray[i]).ToArray();
        var sorted = order.Select(i => scores[i]).ToArray();
        return new RankedExamples(sorted, positive, positive.Count(p => p));
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
