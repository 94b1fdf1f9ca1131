using System.Globalization;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Shards;

/// <summary>
/// Which share of the data one shard scores: <c>i/n</c>, 1-based. Data are split by part file:
/// shard i reads parts i, i + n, ... of a folder, and nothing else, so n machines each read and
/// score a share. The held-out set must be such a folder, with at least n parts.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new ConfigurationException(ErrorCodes.ConfigBadValue,
            $"'--shard {text}' is not a shard: write i/n with 1 <= i <= n, for example 2/4.", new SourceLocation("--shard", 0, 0));
    }

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>This shard's parts of the held-out set, which must be a folder of at least n parts.</summary>
    public DataFile HeldoutParts(DataFile file, SourceLocation configuredAt)
    {
        if (file.Parts.Count < Count || (Count > 1 && !Directory.Exists(file.Path)))
        {
            throw new ConfigurationException(ErrorCodes.ConfigBadValue,
                $"'{file.DisplayPath}' cannot be split into {Count} shards: sharding splits a folder of part files, and it has {file.Parts.Count} part{(file.Parts.Count == 1 ? "" : "s")}.",
                configuredAt,
                "Write the held-out set as a folder of at least that many CSV part files, each with the header (as Spark does).");
        }

        return Share(file);
    }

    /// <summary>
    /// This shard's share of a feedback file: its parts when it is a folder of at least n parts;
    /// otherwise the whole file goes to shard 1 and no other.
    /// </summary>
    public DataFile? FeedbackParts(DataFile file) =>
        Directory.Exists(file.Path) && file.Parts.Count >= Count ? Share(file) : Index == 1 ? file : null;

    private DataFile Share(DataFile file) => file with { Parts = [.. file.Parts.Where((_, i) => i % Count == Index - 1)] };
}
