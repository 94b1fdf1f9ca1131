using QualityGate.Configuration;

namespace QualityGate.Explain;

/// <summary>A group's size: in the held-out set, in the suite, and how many of them the sample compares.</summary>
public sealed record GroupSize(ExampleGroup Group, int Heldout, int Suite, int Sampled);

/// <summary>A feature's values binned over one range, as shares of each group, for the report's plots.</summary>
/// <param name="ZeroShares">For a mostly-zero feature (word counts), each group's share of zeros (hard, easy, positives), drawn apart: the bins then hold the non-zero values.</param>
public sealed record FeatureDistribution(string Feature, double Low, double High, IReadOnlyList<double> Hard, IReadOnlyList<double> Easy, IReadOnlyList<double> Positives, IReadOnlyList<double>? ZeroShares = null);

/// <summary>
/// What <c>qgate explain</c> found: the groups, every feature's comparison ranked by how strongly
/// it pulls hard negatives towards the positives, the region importance of each feature group
/// (null without a model), the distributions of the top features, and notes on what was left out.
/// </summary>
/// <param name="HardFrom">Negatives scoring at or above this (threshold - mining.margin) are hard.</param>
public sealed record Explanation(
    double HardFrom,
    ExplainSettings Settings,
    IReadOnlyList<GroupSize> Groups,
    int RegionExamples,
    int RegionSampled,
    IReadOnlyList<FeatureComparison> Features,
    IReadOnlyList<GroupImportance>? Importance,
    IReadOnlyList<FeatureDistribution> Distributions,
    IReadOnlyList<string> Notes);
