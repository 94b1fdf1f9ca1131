namespace QualityGate.Scoring.FastPath;

/// <summary>
/// What the fast pass reads from each row (a CSV line, a Parquet row), by field index: the label, the model's input
/// vector (or a precomputed score), and the example's id (an id column's text, or the fields
/// hashed into its identity, in file order, numbers from the parsed input where it has them).
/// </summary>
/// <param name="FieldCount">The header's field count: a row with any other count is left to the full reader.</param>
/// <param name="Input">The model input the features fill; null for precomputed scores.</param>
internal sealed record RowPlan(int FieldCount, int LabelIndex, int? IdIndex, string? Input, int[] FeatureIndexes, int? ScoreIndex, IdentityField[] Identity)
{
    /// <summary>The slice columns read with the row (see <see cref="Slices.SliceSource"/>), by field index.</summary>
    public int[] SliceIndexes { get; init; } = [];

    /// <summary>A model with one float vector input: the features are its CSV fields; the identity plan is the full reader's.</summary>
    public static RowPlan ForInput(Data.DataFile file, int labelIndex, int? idIndex, string input, IReadOnlyList<int> featureIndexes, IReadOnlyList<IdentitySource>? identity) =>
        new(file.Columns.Count, labelIndex, idIndex, input, [.. featureIndexes], null, Fields(identity, input));

    /// <summary>Precomputed scores: the score is a field of its own.</summary>
    public static RowPlan ForScores(Data.DataFile file, int labelIndex, int? idIndex, int scoreIndex, IReadOnlyList<IdentitySource>? identity) =>
        new(file.Columns.Count, labelIndex, idIndex, null, [], scoreIndex, Fields(identity, null));

    private static IdentityField[] Fields(IReadOnlyList<IdentitySource>? identity, string? input) =>
        [.. (identity ?? []).Select(source => new IdentityField(source.CsvIndex, source.Column == input ? source.Slot : -1))];
}

/// <summary>One field of an example's identity: its index in the row and, when the model input holds it, its slot there (else -1: hashed as text).</summary>
internal readonly record struct IdentityField(int CsvIndex, int FeatureSlot);

/// <summary>A plan and the model that scores its input vector (null for precomputed scores).</summary>
internal sealed record FastRows(RowPlan Plan, RowModel? Model);
