namespace QualityGate.Suite;

/// <summary>The metadata columns appended after the data columns. Prefixed so they never clash with a data column.</summary>
public static class SuiteColumns
{
    public const string Id = "qg_id";
    public const string Status = "qg_status";
    public const string Score = "qg_score";
    public const string Model = "qg_model";
    public const string Mined = "qg_mined";
    public const string Source = "qg_source";
    public const string Reason = "qg_reason";

    public static IReadOnlyList<string> All { get; } = [Id, Status, Score, Model, Mined, Source, Reason];

    /// <summary>The status of an active item that a person pinned.</summary>
    public const string Pinned = "pinned";

    public static string StatusName(SuiteStatus status) => status.ToString().ToLowerInvariant();
}
