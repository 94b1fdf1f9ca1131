using QualityGate.Errors;

namespace QualityGate.Configuration;

/// <summary>Reads the <c>limits:</c> section: data set, then metric, then <c>{ min, max, evidence, min_count }</c>.</summary>
internal static class LimitParser
{
    /// <param name="parent">The map holding <c>limits</c>: the config's root, or <c>slices</c> (then <paramref name="prefix"/> is "slices.").</param>
    public static IReadOnlyList<LimitSettings> Read(YamlMap parent, DataSettings data, ThresholdSettings threshold, string prefix = "")
    {
        var limitsMap = parent.Map("limits", [.. DataSetNames.Measured]);
        if (limitsMap is null)
        {
            return [];
        }

        var limits = new List<LimitSettings>();
        foreach (var (dataSet, setNode, setLocation) in limitsMap.Entries)
        {
            if (dataSet == DataSetNames.Suite && data.Suite is null)
            {
                throw new ConfigurationException(ErrorCodes.ConfigConflict, "Limits on 'suite' need a suite file.", setLocation, "Set 'data.suite'.");
            }

            var metricKeys = setNode is YamlDotNet.RepresentationModel.YamlMappingNode m
                ? m.Children.Keys.Select(k => k.ToString()).ToArray()
                : [];
            var setMap = limitsMap.AsMap(setNode, $"{prefix}limits.{dataSet}", metricKeys);
            foreach (var (metricText, limitNode, metricLocation) in setMap.Entries)
            {
                var metric = MetricName.TryParse(metricText) ?? throw new ConfigurationException(
                    ErrorCodes.ConfigUnknownMetric,
                    $"Unknown metric '{metricText}' in '{prefix}limits.{dataSet}'.",
                    metricLocation,
                    Suggestions.Closest(metricText, MetricName.Known) is { } close
                        ? $"Did you mean '{(close == MetricName.TprAtFpr ? "tpr_at_fpr(0.01)" : close)}'?"
                        : $"Known metrics: {string.Join(", ", MetricName.Known)}.");
                var limit = ReadOne(setMap, limitNode, dataSet, metric, metricLocation, prefix);
                RejectTargetFixedMetric(limit, threshold);
                limits.Add(limit);
            }
        }

        return limits;
    }

    private static LimitSettings ReadOne(YamlMap setMap, YamlDotNet.RepresentationModel.YamlNode node, string dataSet, MetricName metric, SourceLocation location, string prefix)
    {
        var path = $"{prefix}limits.{dataSet}.{metric}";
        var map = setMap.AsMap(node, path, "min", "max", "evidence", "min_count");
        var min = map.Number("min");
        var max = map.Number("max");
        if (min is null && max is null)
        {
            throw map.BadValue(node, $"'{path}' needs 'min' or 'max'.");
        }

        if (min > max)
        {
            throw map.BadValue(node, $"'{path}' has min {min} above max {max}: no value can pass.");
        }

        if (IsBounded01(metric.Name))
        {
            foreach (var (key, value) in new[] { ("min", min), ("max", max) })
            {
                if (value is < 0 or > 1)
                {
                    throw map.BadValue(map.Get(key)!, $"'{path}.{key}' is {value}, but {metric} is a rate between 0 and 1.");
                }
            }
        }

        else if (max < 0)
        {
            // log_loss and counts are never negative: a negative max is a limit nothing can pass.
            throw map.BadValue(map.Get("max")!, $"'{path}.max' is {max}, but {metric} is never negative: no value can pass.");
        }

        Evidence? evidence = map.Get("evidence") is null ? null : map.Enum("evidence", Evidence.Significant);
        var minCount = map.Integer("min_count");
        if (minCount < 1)
        {
            throw map.BadValue(map.Get("min_count")!, $"'{path}.min_count' must be at least 1.");
        }

        return new LimitSettings(dataSet, metric, min, max, evidence, minCount, location);
    }

    private static bool IsBounded01(string metric) => metric is not ("log_loss" or "region.count" or "count");

    /// <summary>
    /// A threshold chosen to fix a metric on the held-out set makes a limit on that metric there
    /// unbreakable; such a limit would pass forever while guarding nothing.
    /// </summary>
    private static void RejectTargetFixedMetric(LimitSettings limit, ThresholdSettings threshold)
    {
        if (threshold.Target is not { } target || limit.DataSet != DataSetNames.Heldout)
        {
            return;
        }

        string[] fixedMetrics = target switch
        {
            ThresholdTarget.AtFpr => ["fpr"],
            ThresholdTarget.AtPrecision => ["precision"],
            _ => ["recall", "fnr"],
        };
        if (fixedMetrics.Contains(limit.Metric.Name))
        {
            throw new ConfigurationException(
                ErrorCodes.ConfigConflict,
                $"The limit on heldout {limit.Metric} cannot fail: the threshold is chosen on the held-out set to fix it ({YamlMap.SnakeCase(target.ToString())}).",
                limit.Location,
                "Remove this limit, or use a fixed threshold.");
        }
    }
}
