namespace QualityGate.Benchmarks;

/// <summary>Standard normal draws by Box-Muller, as the data generator draws its values, for the benchmarks' made-up data.</summary>
internal static class Gaussian
{
    public static double Next(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
