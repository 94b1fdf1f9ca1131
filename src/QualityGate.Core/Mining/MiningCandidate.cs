using QualityGate.Data;

namespace QualityGate.Mining;

/// <summary>
/// An example found in a data file that may join the suite. <see cref="Hardness"/> is how far
/// into the wrong side it scored: score - (t - margin) for a negative, (t + margin) - score for a positive.
/// <see cref="Fields"/> is the row's text, read back once the candidate is selected.
/// </summary>
public sealed record MiningCandidate(string Id, bool Positive, double Score, double Hardness, DataFile Source, int Row, string? Conflict)
{
    public IReadOnlyList<string>? Fields { get; init; }
}
