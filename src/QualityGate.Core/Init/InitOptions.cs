namespace QualityGate.Init;

/// <summary>What <c>qgate init</c> was told: the model (none for precomputed scores), the data and the label column.</summary>
public sealed record InitOptions(string? ModelPath, string DataPath, string LabelColumn, string OutputPath, string? Positive, string? Negative, string? IdColumn);
