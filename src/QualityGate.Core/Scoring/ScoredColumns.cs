using Microsoft.ML;

namespace QualityGate.Scoring;

/// <summary>
/// A scored view of one data file and the names of the columns the gate reads from it.
/// Produced by <see cref="MlNetModel"/> or <see cref="ScoreFileReader"/>; read once by <see cref="ScoringPass"/>.
/// </summary>
/// <param name="IdentityColumns">Columns hashed into an example's identity when no id column is configured.</param>
public sealed record ScoredColumns(
    IDataView View,
    string ScoreColumn,
    string LabelColumn,
    string? IdColumn,
    IReadOnlyList<string> IdentityColumns);

/// <summary>Private column names, prefixed so they never collide with a user's column.</summary>
internal static class HiddenColumns
{
    public const string Label = "__qg_label";
    public const string Id = "__qg_id";
    public const string Features = "__qg_features";
    public const string Score = "__qg_score";
}
