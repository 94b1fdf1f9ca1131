namespace QualityGate.Metrics;

/// <summary>Counts at a threshold: predicted positive iff score >= threshold.</summary>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public long Positives => TruePositives + FalseNegatives;

    public long Negatives => FalsePositives + TrueNegatives;

    public long Total => Positives + Negatives;

    public long Errors => FalsePositives + FalseNegatives;

    public ConfusionCounts Add(bool positive, bool predictedPositive) => (positive, predictedPositive) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (false, true) => this with { FalsePositives = FalsePositives + 1 },
        (false, false) => this with { TrueNegatives = TrueNegatives + 1 },
        (true, false) => this with { FalseNegatives = FalseNegatives + 1 },
    };
}
