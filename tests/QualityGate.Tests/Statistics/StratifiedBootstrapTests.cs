using QualityGate.Statistics;

namespace QualityGate.Tests.Statistics;

/// <summary>
/// The row bootstrap draws its replicates as one seeded sequence and runs the metrics on every
/// core; its distributions must be exactly those of drawing and measuring one replicate at a time.
/// </summary>
public sealed class StratifiedBootstrapTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(1000)]
    public void Replicates_measured_in_parallel_are_those_measured_one_at_a_time(int samples)
    {
        var random = new Random(5);
        var positive = Enumerable.Range(0, 500).Select(_ => random.NextDouble() < 0.3).ToArray();
        var scores = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();

        // Two metrics unlike each other, one undefined on some replicates (NaN: left out).
        double WeightedMeanOfPositives(int[] w) => Enumerable.Range(0, w.Length).Where(i => positive[i]).Sum(i => w[i] * scores[i]) / Enumerable.Range(0, w.Length).Where(i => positive[i]).Sum(i => w[i]);
        double FirstRowsOrNothing(int[] w) => w[0] + w[1] > 2 ? double.NaN : w[2] + (2 * w[3]);
        Func<int[], double>[] metrics = [WeightedMeanOfPositives, FirstRowsOrNothing];

        var distributions = StratifiedBootstrap.Replicate(positive, metrics, samples, seed: 11);

        var expected = OneAtATime(positive, metrics, samples, seed: 11);
        for (var m = 0; m < metrics.Length; m++)
        {
            var oneAtATime = new StratifiedBootstrap.Distribution(expected[m]);
            foreach (var confidence in new[] { 0.5, 0.8, 0.95, 0.99 })
            {
                Assert.Equal(oneAtATime.BoundsAt(confidence).Lower, distributions[m].BoundsAt(confidence).Lower);
                Assert.Equal(oneAtATime.BoundsAt(confidence).Upper, distributions[m].BoundsAt(confidence).Upper);
            }
        }

        Assert.True(expected[1].Count < samples, "some replicates are undefined and left out");
    }

    /// <summary>The plain bootstrap, written out: positives then negatives redrawn per replicate from one Random.</summary>
    private static List<double>[] OneAtATime(bool[] positive, Func<int[], double>[] metrics, int samples, int seed)
    {
        var positives = Enumerable.Range(0, positive.Length).Where(i => positive[i]).ToArray();
        var negatives = Enumerable.Range(0, positive.Length).Where(i => !positive[i]).ToArray();
        var random = new Random(seed);
        var values = metrics.Select(_ => new List<double>()).ToArray();
        for (var b = 0; b < samples; b++)
        {
            var weights = new int[positive.Length];
            foreach (var stratum in new[] { positives, negatives })
            {
                for (var i = 0; i < stratum.Length; i++)
                {
                    weights[stratum[random.Next(stratum.Length)]]++;
                }
            }

            for (var m = 0; m < metrics.Length; m++)
            {
                if (metrics[m](weights) is var value && !double.IsNaN(value))
                {
                    values[m].Add(value);
                }
            }
        }

        foreach (var list in values)
        {
            list.Sort();
        }

        return values;
    }
}
