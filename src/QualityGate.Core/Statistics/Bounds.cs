namespace QualityGate.Statistics;

/// <summary>
/// A lower and an upper confidence bound, each one-sided at the configured confidence: the
/// values decisions are made on. Together they form a two-sided interval of confidence 2c - 1.
/// </summary>
public readonly record struct Bounds(double Lower, double Upper)
{
    public static Bounds Unknown { get; } = new(double.NaN, double.NaN);

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
