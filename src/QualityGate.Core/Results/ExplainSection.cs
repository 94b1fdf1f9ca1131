using System.Text.Json.Serialization;

namespace QualityGate.Results;

/// <summary>What <c>qgate explain</c> found; null in the results of other verbs.</summary>
public sealed record ExplainSection(
    double? HardFrom,
    int Seed,
    int Sample,
    int Repeats,
    int? Top,
    IReadOnlyDictionary<string, ExplainGroupSize> Groups,
    ExplainRegion Region,
    IReadOnlyList<ExplainedFeature> Features,
    IReadOnlyList<ExplainedGroup>? RegionImportance,
    IReadOnlyList<ExplainedDistribution> Distributions,
    IReadOnlyList<string> Notes)
{
    /// <summary>How many features and groups the tables show (results before <c>top</c> was written: as many as have distributions).</summary>
    [JsonIgnore]
    public int Shown => Top ?? Distributions.Count;

    public const string HardNegatives = "hardNegatives";
    public const string EasyNegatives = "easyNegatives";
    public const string Positives = "positives";

    /// <summary>A group's size over the held-out set and the suite.</summary>
    public int SizeOf(string group) => Groups.TryGetValue(group, out var size) ? size.Heldout + size.Suite : 0;
}

public sealed record ExplainGroupSize(int Heldout, int Suite, int Sampled);

public sealed record ExplainRegion(int Examples, int Sampled);

/// <summary>A feature compared across the groups; the effect sizes are standardised differences (d).</summary>
public sealed record ExplainedFeature(
    string Name,
    bool? ModelInput,
    double? Pull,
    double? HardVsEasy,
    double? HardVsPositives,
    double? PositivesVsEasy,
    FeatureSummary HardNegatives,
    FeatureSummary EasyNegatives,
    FeatureSummary Positives,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExplainedWord? Word = null);

/// <summary>For a word of a text column: the column, and the word or word pair whose presence (1 or 0) is the value compared.</summary>
public sealed record ExplainedWord(string Column, string Text);

public sealed record FeatureSummary(int Count, double? Missing, double? Zero, double? Mean, double? Sd, double? P10, double? P25, double? Median, double? P75, double? P90);

/// <summary>How much shuffling one feature group moves the region's scores, error rate and decisions.</summary>
/// <param name="Word">For a word taken out of a text column instead of a shuffle: the column and the word.</param>
public sealed record ExplainedGroup(string Group, int Slots, double? ScoreChange, double? ErrorRateChange, double? FlipShare,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExplainedWord? Word = null);

/// <summary>A feature's values binned over one range, as shares of each group.</summary>
public sealed record ExplainedDistribution(
    string Feature,
    double Low,
    double High,
    IReadOnlyList<double> HardNegatives,
    IReadOnlyList<double> EasyNegatives,
    IReadOnlyList<double> Positives,
    ZeroShares? ZerosApart);

/// <summary>Each group's share of zeros, drawn apart from the bins for a mostly-zero feature.</summary>
public sealed record ZeroShares(double? HardNegatives, double? EasyNegatives, double? Positives);
