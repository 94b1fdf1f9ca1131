using System.Numerics;
using QualityGate.Scoring;

namespace QualityGate.Metrics;

/// <summary>
/// A set's examples sorted by score, highest first: the one ordering every ranking metric,
/// curve and bootstrap replicate walks. Sorting once keeps each replicate O(n).
/// </summary>
internal sealed class RankedExamples
{
    private RankedExamples(Scores scores, bool[] positive, int positives)
    {
        Scores = scores;
        Positive = positive;
        Positives = positives;
        Negatives = scores.Count - positives;
    }

    public Scores Scores { get; }

    public bool[] Positive { get; }

    public int Positives { get; }

    public int Negatives { get; }

    public int Count => Scores.Count;

    public static RankedExamples From(ScoredSet set)
    {
        // Sort negated scores (highest first) carrying each row's label; negating back in place
        // leaves the sorted scores without another copy of the data. Carrying the labels, not
        // the row numbers, saves an int per row: nothing else needs the order. Scores that are
        // all single-precision numbers (an ML.NET model's are) are sorted and kept as such: the
        // same values in the same order, in half the memory.
        var positive = set.PositiveArray[..set.Count];
        var scores = set.Scores;
        int positives;
        if (scores.AreSingles || Scores.AllSingles(scores))
        {
            var sorted = new float[set.Count];
            for (var i = 0; i < sorted.Length; i++)
            {
                sorted[i] = -(scores.AreSingles ? scores.Single(i) : (float)scores[i]);
            }

            // A large set by radix (1M rows: about 0.08 s on one core, where the comparison sort
            // took 0.2 s on both); a small one, or one with a NaN (which no radix order places),
            // by comparison as before: a small set's row bootstrap weights rows by their place, so
            // its order within ties, and so its bounds, stay as they were.
            if (sorted.Length >= ParallelSortMinimum && !sorted.Any(float.IsNaN))
            {
                RadixSort.Sort(sorted, positive);
            }
            else
            {
                Array.Sort(sorted, positive);
            }

            positives = NegateBackAndCount(sorted, positive);
            return new RankedExamples(new Scores(sorted, sorted.Length), positive, positives);
        }

        var exact = new double[set.Count];
        for (var i = 0; i < exact.Length; i++)
        {
            exact[i] = -scores[i];
        }

        SortOnTwoCores(exact, positive);
        positives = NegateBackAndCount(exact, positive);
        return new RankedExamples(new Scores(exact), positive, positives);
    }

    private static int NegateBackAndCount<T>(T[] sorted, bool[] positive)
        where T : IFloatingPointIeee754<T>
    {
        var positives = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = -sorted[i];
            positives += positive[i] ? 1 : 0;
        }

        return positives;
    }

    /// <summary>Below this many rows one sort is as quick as splitting the work.</summary>
    private const int ParallelSortMinimum = 100_000;

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, carrying <paramref name="items"/>, in place: one
    /// partition around a pivot (the median of nine spread samples), then each side sorted on its
    /// own core. A million rows: 0.38 s on one core before. The order within ties is the sort's
    /// own, as before; every metric reads ties as one group.
    /// </summary>
    internal static void SortOnTwoCores<TKey, TItem>(TKey[] keys, TItem[] items)
        where TKey : IFloatingPointIeee754<TKey>
    {
        // A NaN compares with nothing, so no pivot can split it off: such keys are sorted as one.
        if (keys.Length < ParallelSortMinimum || Environment.ProcessorCount < 2 || keys.Any(TKey.IsNaN))
        {
            Array.Sort(keys, items);
            return;
        }

        var samples = Enumerable.Range(0, 9).Select(i => keys[(int)((long)i * (keys.Length - 1) / 8)]).Order().ToArray();
        var split = Partition(keys, items, samples[4]);
        Parallel.Invoke(
            () => Array.Sort(keys, items, 0, split),
            () => Array.Sort(keys, items, split, keys.Length - split));
    }

    /// <summary>Hoare's partition: afterwards every key before the returned index is at most the pivot, every key from it on at least the pivot.</summary>
    private static int Partition<TKey, TItem>(TKey[] keys, TItem[] items, TKey pivot)
        where TKey : IFloatingPointIeee754<TKey>
    {
        int low = -1, high = keys.Length;
        while (true)
        {
            do
            {
                low++;
            }
            while (keys[low] < pivot);

            do
            {
                high--;
            }
            while (keys[high] > pivot);

            if (low >= high)
            {
                return high + 1;
            }

            (keys[low], keys[high]) = (keys[high], keys[low]);
            (items[low], items[high]) = (items[high], items[low]);
        }
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
        while (end < Scores.Count && Scores[end] == Scores[start])
        {
            end++;
        }

        return end;
    }
}
