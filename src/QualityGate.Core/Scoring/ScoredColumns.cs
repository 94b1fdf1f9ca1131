using Microsoft.ML;

namespace QualityGate.Scoring;

/// <summary>
/// A scored view of one data file and the names of the columns the gate reads from it.
/// Produced by <see cref="MlNetModel"/> or <see cref="ScoreFileReader"/>; read once by <see cref="ScoringPass"/>.
/// </summary>
/// <param name="IdentityColumns">Typed columns hashed into an example's identity when there is no id column and no <paramref name="Raw"/> row.</param>
/// <param name="Raw">Every field of the row as text, when the gate built the loader: identity and row checks use it.</param>
/// <param name="NumericInputs">Model inputs whose values must be finite numbers.</param>
public sealed record ScoredColumns(
    IDataView View,
    string ScoreColumn,
    string LabelColumn,
    string? IdColumn,
    IReadOnlyList<string> IdentityColumns,
    RawRow? Raw = null,
    IReadOnlyList<NumericInput>? NumericInputs = null);

/// <summary>The row's fields as text (a variable-length vector), how many the header promises, and which are no part of identity.</summary>
public sealed record RawRow(string Column, IReadOnlyList<string> Header, IReadOnlySet<int> NotIdentity);

/// <summary>A numeric model input and the CSV column behind each of its slots (empty when a model's own loader decides).</summary>
public sealed record NumericInput(string Column, IReadOnlyList<int> CsvIndexes);

/// <summary>Private column names, prefixed so they never collide with a user's column.</summary>
internal static class HiddenColumns
{
    public const string Label = "__qg_label";
    public const string Id = "__qg_id";
    public const string Row = "__qg_row";
    public const string Score = "__qg_score";
}
