using QualityGate.Suite;

namespace QualityGate.Mining;

/// <summary>What a mining run changed: items added (active or quarantined, with reasons) and items evicted.</summary>
public sealed record MiningReport(
    IReadOnlyList<SuiteItem> Added,
    IReadOnlyList<SuiteItem> Evicted,
    int Candidates,
    int AlreadyInSuite,
    IReadOnlyList<string> Warnings)
{
    public static MiningReport Nothing { get; } = new([], [], 0, 0, []);

    public bool ChangedSuite => Added.Count > 0 || Evicted.Count > 0;
}
