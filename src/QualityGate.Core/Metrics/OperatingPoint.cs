namespace QualityGate.Metrics;

/// <summary>
/// The resolved threshold and threshold region. The region is a closed score band [Low, High];
/// once resolved on the held-out set it is used as a fixed band for every other set.
/// </summary>
public sealed record OperatingPoint(double Threshold, double RegionLow, double RegionHigh, string ThresholdSource)
{
    public bool IsPredictedPositive(double score) => score >= Threshold;

    public bool InRegion(double score) => score >= RegionLow && score <= RegionHigh;

    /// <summary>Whether the gate names this row by its id: a mistake, or in the region.</summary>
    public bool IsWrongOrInRegion(double score, bool positive) => IsPredictedPositive(score) != positive || InRegion(score);
}
