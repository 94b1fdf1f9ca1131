namespace QualityGate.Suite;

public enum SuiteStatus
{
    /// <summary>Counts in the suite metrics.</summary>
    Active,

    /// <summary>Waiting for a person: likely mislabelled, or a label conflict. Counts in no metric.</summary>
    Quarantined,

    /// <summary>Reviewed and refused: kept so that mining never adds it again. Counts in no metric.</summary>
    Rejected,
}

/// <summary>
/// One row of the hard-negative suite: the example's own fields, exactly as in the data file
/// (so the suite is training data as it is), and what QualityGate knows about it.
/// </summary>
/// <param name="Fields">The data columns, in the data header's order, as text.</param>
/// <param name="Positive">The example's class, from its label field.</param>
/// <param name="ScoreWhenMined">The score of the model that mined it; never used as a candidate's score.</param>
/// <param name="Model">The first 12 hex digits of the mining model's SHA-256, or "scores".</param>
/// <param name="Mined">The UTC date it was mined, yyyy-MM-dd.</param>
/// <param name="Source">The data file it was mined from, relative to the config.</param>
/// <param name="Reason">Why it is quarantined, rejected or pinned; empty for other active items.</param>
/// <param name="Pinned">
/// A person confirmed it as a mistake that must never come back (<c>qgate suite pin</c>): it is
/// active, counted strictly by <c>suite.pinned_regressed</c>, and never evicted. Written as the
/// status <c>pinned</c>.
/// </param>
public sealed record SuiteItem(
    string Id,
    SuiteStatus Status,
    bool Positive,
    double ScoreWhenMined,
    string Model,
    string Mined,
    string Source,
    string Reason,
    IReadOnlyList<string> Fields,
    bool Pinned = false)
{
    /// <summary>The status as the suite file writes it: <c>pinned</c> for a pinned active item.</summary>
    public string StatusName => Pinned ? SuiteColumns.Pinned : SuiteColumns.StatusName(Status);

    /// <summary>
    /// What mining fixed about the item and nothing may change by hand: its class and its score
    /// when mined. The baseline records it per item, so a relabelled or rescored item is caught.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(System.IO.Hashing.XxHash64.Hash(
        System.Text.Encoding.UTF8.GetBytes($"{(Positive ? 1 : 0)}\u001f{ScoreWhenMined.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")));
}

/// <summary>The suite file's content: the data columns it carries and its items, kept sorted by id.</summary>
public sealed record SuiteDocument(IReadOnlyList<string> DataColumns, IReadOnlyList<SuiteItem> Items)
{
    public static SuiteDocument Empty(IReadOnlyList<string> dataColumns) => new(dataColumns, []);

    public SuiteItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>
    /// The items' ids and lines in the order the file holds them (a file edited by hand need not
    /// be sorted), as <see cref="SuiteFile.Read"/> met them: the model's loader reads the items in
    /// this order. Empty for a document not read from a file.
    /// </summary>
    public IReadOnlyList<(string Id, int Line)> FileOrder { get; init; } = [];

    public SuiteDocument With(IEnumerable<SuiteItem> items) =>
        this with { Items = [.. items.OrderBy(i => i.Id, StringComparer.Ordinal)], FileOrder = [] };
}
