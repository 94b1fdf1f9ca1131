using CsCheck;
using QualityGate.Metrics;

namespace QualityGate.Tests.Metrics;

/// <summary>
/// A large set's ranking is sorted by <see cref="RadixSort"/>: a score out of order, or a label
/// left behind by its score, would move every ranking metric and bound of the set.
/// </summary>
public sealed class RadixSortTests
{
    private static void SortsAsComparison(float[] keys, bool[] labels)
    {
        var expected = keys.Zip(labels).OrderBy(p => p.First).ThenBy(p => BitConverter.SingleToInt32Bits(p.First)).ThenBy(p => p.Second).ToList();

        RadixSort.Sort(keys, labels);

        // In order as floats compare; and the same (key, label) pairs, bit for bit.
        for (var i = 1; i < keys.Length; i++)
        {
            Assert.True(keys[i - 1] <= keys[i], $"{keys[i - 1]:R} before {keys[i]:R} at {i}");
        }

        var actual = keys.Zip(labels).OrderBy(p => p.First).ThenBy(p => BitConverter.SingleToInt32Bits(p.First)).ThenBy(p => p.Second).ToList();
        Assert.Equal(expected.Select(p => (BitConverter.SingleToInt32Bits(p.First), p.Second)), actual.Select(p => (BitConverter.SingleToInt32Bits(p.First), p.Second)));
    }

    [Fact]
    public void Any_floats_sort_as_a_comparison_sorts_them_each_with_its_label()
    {
        // Ordinary values, repeated ones (ties), both zeros, infinities, the smallest and largest.
        float[] special = [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 0.5f, 1f];
        var key = Gen.Frequency((4, Gen.Float), (2, Gen.Float[-2f, 2f]), (1, Gen.Int[0, special.Length - 1].Select(i => special[i])));
        Gen.Select(key.Array[0, 3000], Gen.Bool.Array[3000]).Sample((keys, labels) =>
        {
            keys = [.. keys.Where(k => !float.IsNaN(k))];
            SortsAsComparison(keys, labels[..keys.Length]);
        }, iter: 300);
    }

    [Fact]
    public void A_million_probabilities_sort_in_order_with_their_labels()
    {
        // A model's scores: most share a few exponents, so buckets are sorted a second level down.
        var random = new Random(7);
        var keys = new float[1_000_000];
        var labels = new bool[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (float)(1 / (1 + Math.Exp(-4 * (random.NextDouble() - 0.5) * 3)));
            labels[i] = random.NextDouble() < keys[i];
        }

        SortsAsComparison(keys, labels);
    }
}
