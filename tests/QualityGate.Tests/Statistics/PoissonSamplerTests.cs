using MathNet.Numerics.Distributions;
using QualityGate.Statistics;

namespace QualityGate.Tests.Statistics;

/// <summary>
/// The binned bootstrap's bounds are only as right as its Poisson draws: the sampler's draws must
/// follow the Poisson distribution, on both sides of the mean where it changes method.
/// </summary>
public sealed class PoissonSamplerTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(0.3)]
    [InlineData(4)]
    [InlineData(9.99)]
    [InlineData(10)]
    [InlineData(27.5)]
    [InlineData(480)]
    [InlineData(25_000)]
    public void Draws_follow_the_poisson_distribution_of_their_mean(double mean)
    {
        var sampler = new PoissonSampler(mean);
        var random = new Random(20261203);
        var counts = new Dictionary<int, int>();
        double sum = 0, squares = 0;
        for (var i = 0; i < Draws; i++)
        {
            var k = sampler.Next(random);
            counts[k] = counts.GetValueOrDefault(k) + 1;
            (sum, squares) = (sum + k, squares + ((double)k * k));
        }

        // The mean and variance of a Poisson are its mean, within a few standard errors.
        var (average, variance) = (sum / Draws, (squares / Draws) - Math.Pow(sum / Draws, 2));
        Assert.InRange(average, mean - (5 * Math.Sqrt(mean / Draws)), mean + (5 * Math.Sqrt(mean / Draws)));
        Assert.InRange(variance / mean, 0.98, 1.02);

        // Pearson's chi-square against the probabilities, cells pooled until each expects 20 draws.
        var poisson = new Poisson(mean);
        var (low, high) = ((int)Math.Max(0, mean - (8 * Math.Sqrt(mean)) - 5), (int)(mean + (8 * Math.Sqrt(mean)) + 5));
        double chiSquare = 0, expected = low == 0 ? 0 : poisson.CumulativeDistribution(low - 1) * Draws, observed = counts.Where(c => c.Key < low).Sum(c => c.Value);
        var cells = 0;
        for (var k = low; k <= high; k++)
        {
            expected += poisson.Probability(k) * Draws;
            observed += counts.GetValueOrDefault(k);
            if (expected >= 20 || k == high)
            {
                chiSquare += Math.Pow(observed - expected, 2) / expected;
                (expected, observed, cells) = (0, 0, cells + 1);
            }
        }

        Assert.True(counts.Keys.All(k => k <= high), $"a draw of {counts.Keys.Max()} from a mean of {mean}");
        var p = 1 - ChiSquared.CDF(cells - 1, chiSquare);
        Assert.True(p > 0.001, $"chi-square {chiSquare:0.0} on {cells - 1} degrees of freedom (p = {p:0.####}): the draws are not Poisson({mean})");
    }

    [Fact]
    public void A_mean_of_zero_always_draws_zero() =>
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, new PoissonSampler(0).Next(Random.Shared)));
}
