using System.Text.Json.Serialization;

namespace QualityGate.Results;

/// <summary>The suite in this run: its size by status, the items the candidate fixes and breaks, pins proposed, what mining changed, and the file's hash before and after.</summary>
public sealed record SuiteSection(
    string Path,
    int Active,
    int Quarantined,
    int Rejected,
    string? HashBefore,
    string? HashAfter,
    IReadOnlyList<ItemRow> Fixed,
    IReadOnlyList<ItemRow> Broken,
    IReadOnlyList<string>? PinProposals,
    MiningSection? Mining)
{
    /// <summary>The pins proposed (none in results of a qgate before pins).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Proposed => PinProposals ?? [];
}

public sealed record MiningSection(int Candidates, int AlreadyInSuite, IReadOnlyList<ItemRow> Added, IReadOnlyList<string> Evicted);

/// <summary>A suite item as reports show it, with its most telling feature values.</summary>
public sealed record ItemRow(string Id, bool Positive, double? Score, string Status, string Source, string Reason, IReadOnlyList<FeatureValueRow> Features);

/// <summary>A feature value of an item.</summary>
/// <param name="ScoreChange">How much the value moves the item's score: its score minus its score with this feature at a typical negative's value. Absent when the scores are precomputed.</param>
public sealed record FeatureValueRow(string Name, string Value, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ScoreChange = null);
