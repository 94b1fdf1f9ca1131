using System.Text.RegularExpressions;
using QualityGate.Configuration;

namespace QualityGate.Baseline;

/// <summary>
/// A baseline read whole is checked for sense before it is trusted: an operating point that no
/// bless could write (a region that does not hold its threshold, bounds past each other), hashes
/// that are no SHA-256, and ids that no run could have recorded. A baseline edited into one of
/// these would otherwise steer every check against it.
/// </summary>
internal static partial class BaselineCheck
{
    public static void Require(BaselineDocument baseline, GateConfig config, string path, string displayPath)
    {
        // The file is read again only to name the line of a problem, so only when there is one.
        var text = new Lazy<string>(() => File.ReadAllText(path));
        if (!double.IsFinite(baseline.Threshold) || !(baseline.RegionLow <= baseline.Threshold) || !(baseline.Threshold <= baseline.RegionHigh))
        {
            throw BaselineJson.Invalid(displayPath,
                $"its threshold {baseline.Threshold} and region [{baseline.RegionLow}, {baseline.RegionHigh}] are impossible: a region holds its threshold", null, LineOf(text, "\"region\""));
        }

        foreach (var (name, hash) in new[] { ("model", baseline.ModelSha256), ("heldout", baseline.HeldoutSha256), ("suite", baseline.SuiteSha256), ("settings", baseline.SettingsHash) })
        {
            if (hash is not null && !Sha256().IsMatch(hash))
            {
                throw BaselineJson.Invalid(displayPath, $"its {name} hash '{Errors.VisibleText.Of(hash)}' is no SHA-256", null, LineOf(text, $"\"{name}\""));
            }
        }

        // Ids kept as hash values were well-formed when read; only those kept as text are checked.
        var outcomes = baseline.Heldout.Outcomes;
        var ids = new[] { outcomes.FalsePositives, outcomes.FalseNegatives, outcomes.RegionNegatives, outcomes.RegionPositives }
            .Where(list => !list.IsCompact).SelectMany(list => list)
            .Concat(baseline.Suite?.Items ?? []).Concat(baseline.Suite?.Wrong ?? []).Concat(baseline.Suite?.InRegion ?? []);
        foreach (var id in ids)
        {
            // Without an id column every id is a 32-digit hash; with one, any visible text.
            var valid = config.IdColumn is null ? HashId().IsMatch(id) : id.Length > 0 && !id.Any(char.IsControl);
            if (!valid)
            {
                throw BaselineJson.Invalid(displayPath, $"it records the example id '{Errors.VisibleText.Of(id)}', which no run writes{(config.IdColumn is null ? " (ids are 32 hex digits)" : string.Empty)}", null, LineOf(text, id));
            }
        }

        if (baseline.Suite?.Fingerprints is { } fingerprints && fingerprints.Count != baseline.Suite.Items.Count)
        {
            throw BaselineJson.Invalid(displayPath, $"it records {fingerprints.Count} suite fingerprints for {baseline.Suite.Items.Count} items", null, LineOf(text, "\"fingerprints\""));
        }
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, or 1.</summary>
    private static int LineOf(Lazy<string> text, string needle)
    {
        var at = text.Value.IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? 1 : text.Value.AsSpan(0, at).Count('\n') + 1;
    }

    [GeneratedRegex("^(rows:)?[0-9a-f]{64}$")]
    private static partial Regex Sha256();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HashId();
}
