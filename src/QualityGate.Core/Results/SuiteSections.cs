using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>The <c>suite</c> section: size, items fixed and broken, pins proposed, what mining changed, file hashes.</summary>
internal static class SuiteSections
{
    public static SuiteSection? From(SuiteReport? suite) => suite is null ? null : new SuiteSection(
        suite.DisplayPath,
        suite.Active,
        suite.Quarantined,
        suite.Rejected,
        suite.HashBefore,
        suite.HashAfter,
        Items(suite.Fixed),
        Items(suite.Broken),
        suite.PinProposals,
        suite.Mining is { } mining ? new MiningSection(mining.Candidates, mining.AlreadyInSuite, Items(suite.Added), [.. mining.Evicted.Select(i => i.Id)]) : null);

    private static List<ItemRow> Items(IReadOnlyList<ReportedItem> items) =>
        [.. items.Select(item => new ItemRow(item.Id, item.Positive, ResultDocumentBuilder.Finite(item.Score), item.Status, item.Source, item.Reason, [.. item.Features.Select(f => new FeatureValueRow(f.Name, f.Value, f.ScoreChange is { } change ? ResultDocumentBuilder.Finite(change) : null))]))];
}
