using QualityGate.Errors;
using YamlDotNet.RepresentationModel;

namespace QualityGate.Configuration;

/// <summary>Reads <c>regression:</c>: the baseline file and the checks against it, keyed <c>set.metric</c>.</summary>
internal static class RegressionParser
{
    /// <summary>Metrics compared example by example (paired) or, for the rest, against the baseline's value.</summary>
    /// <summary>
    /// Counts on the suite, exact: <c>regressed</c> and <c>fixed</c> over the items both models
    /// scored, <c>pinned_regressed</c> over the pinned items (confirmed mistakes back again).
    /// </summary>
    public static IReadOnlyList<string> Counts { get; } = ["regressed", "fixed", "pinned_regressed"];

    public static RegressionSettings? Read(YamlMap root, string baseDirectory, DataSettings data)
    {
        if (root.Map("regression", "baseline", "allow_missing", "baseline_model", "threshold", "limits") is not { } map)
        {
            return null;
        }

        var baseline = map.String("baseline") ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "'regression.baseline' is required: the blessed baseline file (written by 'qgate bless').", map.Location);
        var threshold = map.String("threshold") ?? "baseline";
        if (threshold is not ("baseline" or "candidate"))
        {
            throw map.BadValue(map.Get("threshold")!, $"'regression.threshold' cannot be '{threshold}'.", "Use 'baseline' (the blessed threshold, default) or 'candidate' (resolve the target on each candidate).");
        }

        var limits = ReadChecks(map, "limits", "regression.limits", data);

        var baselineModel = map.String("baseline_model");
        return new RegressionSettings(
            Path.GetFullPath(Path.Combine(baseDirectory, baseline)),
            map.At(map.Get("baseline")!),
            map.String("allow_missing") == "true",
            baselineModel is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, baselineModel)),
            threshold == "candidate",
            limits);
    }

    /// <summary>A mapping of <c>set.metric</c> to a check: <c>regression.limits</c>, or <c>slices.regression</c>.</summary>
    public static List<RegressionLimitSettings> ReadChecks(YamlMap parent, string key, string path, DataSettings data)
    {
        var limits = new List<RegressionLimitSettings>();
        if (parent.Get(key) is YamlMappingNode limitsNode)
        {
            var keys = limitsNode.Children.Keys.Select(k => k.ToString()).ToArray();
            var limitsMap = parent.AsMap(limitsNode, path, keys);
            foreach (var (name, node, location) in limitsMap.Entries)
            {
                limits.Add(ReadLimit(limitsMap, name, node, location, data, path));
            }
        }
        else if (parent.Get(key) is { } other)
        {
            throw parent.WrongType(other, path, "a mapping of set.metric to a check");
        }

        return limits;
    }

    private static RegressionLimitSettings ReadLimit(YamlMap limitsMap, string key, YamlNode node, Errors.SourceLocation location, DataSettings data, string checksPath)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var dataSet = dot > 0 ? key[..dot] : string.Empty;
        if (!DataSetNames.Measured.Contains(dataSet))
        {
            throw new ConfigurationException(ErrorCodes.ConfigUnknownMetric, $"'{key}' must start with a data set: heldout. or suite.", location, "For example 'heldout.region.fpr' or 'suite.regressed'.");
        }

        if (dataSet == DataSetNames.Suite && data.Suite is null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigConflict, $"'{key}' needs a suite file.", location, "Set 'data.suite'.");
        }

        var metricText = key[(dot + 1)..];
        var isCount = Counts.Contains(metricText);
        if (isCount && dataSet != DataSetNames.Suite)
        {
            throw new ConfigurationException(ErrorCodes.ConfigUnknownMetric, $"'{key}' is counted on the suite only.", location, $"Did you mean 'suite.{metricText}'?");
        }

        var metric = isCount ? new MetricName(metricText) : MetricName.TryParse(metricText) ?? throw new ConfigurationException(
            ErrorCodes.ConfigUnknownMetric,
            $"Unknown metric '{metricText}' in '{checksPath}'.",
            location,
            Suggestions.Closest(metricText, MetricName.Known.Concat(Counts)) is { } close ? $"Did you mean '{dataSet}.{close}'?" : null);

        var path = $"{checksPath}.{key}";
        var map = limitsMap.AsMap(node, path, "max_increase", "max_decrease", "max", "min", "relative", "evidence");
        var check = new RegressionLimitSettings(
            dataSet,
            metric,
            map.Number("max_increase"),
            map.Number("max_decrease"),
            map.Number("max"),
            map.Number("min"),
            map.String("relative") == "true",
            map.Get("evidence") is null ? null : map.Enum("evidence", Evidence.Significant),
            location);

        if (isCount && (check.MaxIncrease is not null || check.MaxDecrease is not null || (check.Max is null && check.Min is null)))
        {
            throw map.BadValue(node, $"'{path}' is a count of examples: give it 'max' or 'min'.", "For example 'suite.regressed: { max: 0 }': a fixed mistake must stay fixed.");
        }

        if (!isCount && (check.Max is not null || check.Min is not null || (check.MaxIncrease is null && check.MaxDecrease is null)))
        {
            throw map.BadValue(node, $"'{path}' compares with the baseline: give it 'max_increase' or 'max_decrease'.", "Absolute limits on this metric belong under 'limits'.");
        }

        if (check.MaxIncrease < 0 || check.MaxDecrease < 0)
        {
            throw map.BadValue(node, $"'{path}' allows a negative change; write 0 to allow no change at all.");
        }

        return check;
    }
}
