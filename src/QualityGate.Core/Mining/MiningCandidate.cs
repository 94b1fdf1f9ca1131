using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Mining;

/// <summary>
/// An example found in a data file that may join the suite. <see cref="Hardness"/> is how far
/// into the wrong side it scored: score - (t - margin) for a negative, (t + margin) - score for a positive.
/// <see cref="Fields"/> and <see cref="Location"/> are the row's text and its part and line, read back once the candidate is selected.
/// </summary>
public sealed record MiningCandidate(string Id, bool Positive, double Score, double Hardness, DataFile Source, int Row, string? Conflict)
{
    public IReadOnlyList<string>? Fields { get; init; }

    public SourceLocation? Location { get; init; }
}
