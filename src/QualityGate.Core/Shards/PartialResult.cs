using QualityGate.Metrics;

namespace QualityGate.Shards;

/// <summary>
/// What one shard found, enough to merge into the verdicts of a single run: the held-out
/// scores as a histogram, the ids of the rows the gate names (mistakes and the region, when the
/// operating point was known), and its hardest mining candidates with their rows' text.
/// </summary>
/// <param name="Settings">Fingerprint of the configuration and model: shards must agree.</param>
/// <param name="HeldoutParts">
/// The content hash of each part this shard scored, when the baseline's paired checks need the
/// held-out set's hash: the merge puts the folder's hash together from them instead of reading
/// every part again. Null otherwise, and for precomputed scores (hashed row by row).
/// </param>
public sealed record PartialResult(
    ShardSpec Shard,
    string Settings,
    OperatingPoint? Point,
    string HeldoutPath,
    IReadOnlyList<(double Score, long Positives, long Negatives)> Bins,
    IReadOnlyList<IdentifiedRow> Identified,
    PartialMining? Mining,
    IReadOnlyList<Baseline.PartHash>? HeldoutParts = null);

/// <summary>A row the gate identifies, at its bin's score.</summary>
public sealed record IdentifiedRow(string Id, double Score, bool Positive);

public sealed record PartialMining(int CandidateRows, int AlreadyInSuite, IReadOnlyList<PartialCandidate> Candidates);

/// <summary>A mining candidate with its exact score and where it came from.</summary>
/// <param name="Source">The configured data path it came from (config-relative).</param>
/// <param name="SourceIndex">0 for the held-out set, then the feedback files in config order: the order a single run reads them in.</param>
/// <param name="Location">The file (part) and line, for messages and for ordering duplicates as a single run would.</param>
public sealed record PartialCandidate(
    string Id,
    bool Positive,
    double Score,
    double Hardness,
    string Source,
    int SourceIndex,
    string LocationFile,
    int LocationLine,
    string? Conflict,
    IReadOnlyList<string> Fields);
