namespace QualityGate.Statistics;

/// <summary>
/// The bootstrap for large sets, over bins instead of rows. In the Poisson bootstrap each example
/// is drawn Poisson(1) times, so a bin of c examples is drawn Poisson(c) times in all: a replicate
/// costs one draw per bin and class, whatever the rows. Each class's weights are then scaled to
/// the class's own size, as the stratified bootstrap redraws each class to its size (a metric
/// that depends on the balance, F1 say, would otherwise spread wider than it does).
/// Replicates run in parallel in fixed blocks, each with its own seeded generator, so the bounds
/// are the same on any number of cores.
/// </summary>
public static class PoissonBootstrap
{
    private const int Block = 25;

    /// <param name="positives">Each bin's positives (the Poisson means of the first stratum).</param>
    /// <param name="negatives">Each bin's negatives.</param>
    /// <param name="metrics">Each computes one metric from a replicate's weights of positives and negatives per bin.</param>
    public static StratifiedBootstrap.Distribution[] Replicate(double[] positives, double[] negatives, IReadOnlyList<Func<double[], double[], double>> metrics, int samples, int seed)
    {
        if (metrics.Count == 0)
        {
            return [];
        }

        var values = new double[metrics.Count, samples];
        var (positive, negative) = (Samplers(positives), Samplers(negatives));

        // Each class's size: a replicate's weights are scaled back to it.
        var (positiveSize, negativeSize) = (positives.Sum(), negatives.Sum());
        var blocks = (samples + Block - 1) / Block;
        Parallel.For(0, blocks, block =>
        {
            // HashCode.Combine is seeded per process: the block seeds must be the same in every run.
            var random = new Random(unchecked((seed * 1_000_003) + block));
            var (wp, wn) = (new double[positives.Length], new double[negatives.Length]);
            for (var b = block * Block; b < Math.Min(samples, (block + 1) * Block); b++)
            {
                Draw(positive, positiveSize, wp, random);
                Draw(negative, negativeSize, wn, random);
                for (var m = 0; m < metrics.Count; m++)
                {
                    values[m, b] = metrics[m](wp, wn);
                }
            }
        });

        return [.. Enumerable.Range(0, metrics.Count).Select(m =>
        {
            var sorted = Enumerable.Range(0, samples).Select(b => values[m, b]).Where(v => !double.IsNaN(v)).ToList();
            sorted.Sort();
            return new StratifiedBootstrap.Distribution(sorted);
        })];
    }

    private static PoissonSampler[] Samplers(double[] means) => [.. means.Select(m => new PoissonSampler(m))];

    private static void Draw(PoissonSampler[] bins, double size, double[] weights, Random random)
    {
        double drawn = 0;
        for (var i = 0; i < bins.Length; i++)
        {
            weights[i] = bins[i].Next(random);
            drawn += weights[i];
        }

        var scale = drawn == 0 ? 0 : size / drawn;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }
    }
}
