using Microsoft.ML;

namespace QualityGate.Scoring;

/// <summary>
/// A scored view of one data file and the names of the columns the gate reads from it.
/// Produced by <see cref="MlNetModel"/> or <see cref="PrecomputedScores"/>; read once by <see cref="ScoringPass"/>.
/// </summary>
/// <param name="IdentityColumns">Typed columns hashed into an example's identity when there is no id column and no <paramref name="Identity"/> plan.</param>
/// <param name="Identity">Where each field of an example's identity is read, in file column order, when the gate built the loader.</param>
/// <param name="NumericInputs">Model inputs whose values must be finite numbers.</param>
/// <param name="ExtraFields">A text column past the header's last: anything in it means the row has too many fields.</param>
/// <param name="ScoreSlot">When the score column holds one value per class (a vector), the slot of the positive class.</param>
public sealed record ScoredColumns(
    IDataView View,
    string ScoreColumn,
    string LabelColumn,
    string? IdColumn,
    IReadOnlyList<string> IdentityColumns,
    IReadOnlyList<IdentitySource>? Identity = null,
    IReadOnlyList<NumericInput>? NumericInputs = null,
    string? ExtraFields = null,
    int? ScoreSlot = null)
{
    /// <summary>The score column as the user named it, where <see cref="ScoreColumn"/> is an internal one.</summary>
    public string? ScoreDisplayName { get; init; }

    /// <summary>How the fast pass reads the same file without ML.NET's loader, when it can.</summary>
    internal FastPath.FastRows? Fast { get; init; }
}

/// <summary>One identity field: a slot of a loaded column, numeric (a model input, already parsed) or text, and the CSV field it holds.</summary>
public readonly record struct IdentitySource(string Column, int Slot, int CsvIndex);

/// <summary>A numeric model input and the CSV column behind each of its slots (empty when a model's own loader decides).</summary>
public sealed record NumericInput(string Column, IReadOnlyList<int> CsvIndexes);

/// <summary>Private column names, prefixed so they never collide with a user's column.</summary>
internal static class HiddenColumns
{
    public const string Label = "__qg_label";
    public const string Id = "__qg_id";
    public const string Other = "__qg_other";
    public const string Extra = "__qg_extra";
    public const string Score = "__qg_score";
}
