using QualityGate.Data;

namespace QualityGate.Mining;

/// <summary>
/// An example found in a data file that may join the suite. <see cref="Hardness"/> is how far
/// into the wrong side it scored: score - (t - margin) for a negative, (t + margin) - score for a positive.
/// </summary>
public sealed record MiningCandidate(string Id, bool Positive, double Score, double Hardness, DataFile Source, int Row, string? Conflict);
