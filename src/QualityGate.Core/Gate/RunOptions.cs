using QualityGate.Shards;

namespace QualityGate.Gate;

/// <summary>What a run does besides evaluating: mine into the suite, or prepare a bless (no regression checks, a fresh operating point).</summary>
/// <param name="Gate">False for a run that only mines: a missing baseline is then no error.</param>
/// <param name="Explain">Also explain the close calls (<c>qgate explain</c>): feature comparison and region importance.</param>
/// <param name="Shards">Every shard's partial result (and its file, for messages): merged instead of scoring the held-out set (and the feedback) here.</param>
public sealed record RunOptions(bool Mine = false, bool ForBless = false, bool Gate = true, Action<string>? Progress = null, TimeProvider? Clock = null, IReadOnlyList<(PartialResult Partial, string Display)>? Shards = null, bool Explain = false);
