using QualityGate.Errors;
using YamlDotNet.RepresentationModel;

namespace QualityGate.Configuration;

/// <summary>Reads <c>slices: { columns, min_size, limits, regression, mining }</c>.</summary>
internal static class SliceParser
{
    public static SliceSettings? Read(YamlMap root, DataSettings data, ThresholdSettings threshold, StatisticsSettings statistics, RegressionSettings? regression)
    {
        if (root.Map("slices", "columns", "min_size", "limits", "regression", "mining") is not { } map)
        {
            return null;
        }

        List<SliceColumn> columns = map.Get("columns") switch
        {
            YamlSequenceNode sequence when sequence.Children.Count > 0 => [.. sequence.Children.Select(child => Column(map, child))],
            YamlScalarNode scalar => [Column(map, scalar)],
            null => throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "'slices.columns' is required: the columns whose values make the slices.", map.Location, "For example 'columns: [provider]'."),
            var other => throw map.WrongType(other, "slices.columns", "a list of columns, each a name or { column, groups }"),
        };
        var duplicate = columns.GroupBy(c => c.Column).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw map.BadValue(map.Get("columns")!, $"'slices.columns' names '{duplicate.Key}' twice.");
        }

        var minSize = map.IntegerAtLeast("min_size", statistics.MinCount, 1);

        var checks = RegressionParser.ReadChecks(map, "regression", "slices.regression", data);
        if (checks.Count > 0 && regression is null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigConflict, "'slices.regression' compares each slice with the baseline, and there is no 'regression' section naming one.", map.At(map.Get("regression")!), "Add 'regression: { baseline: quality/baseline.json }'.");
        }

        var perSlice = map.Map("mining", "max_new_per_slice") is { } mining && mining.Get("max_new_per_slice") is not null
            ? mining.IntegerAtLeast("max_new_per_slice", 0, 1)
            : (int?)null;

        return new SliceSettings(columns, minSize, LimitParser.Read(map, data, threshold, "slices."), checks, perSlice, map.Location);
    }

    private static SliceColumn Column(YamlMap map, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new SliceColumn(map.Scalar(node, "slices.columns"), null, map.At(node));
        }

        var entry = map.AsMap(node, "slices.columns", "column", "groups");
        var column = entry.String("column") ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "A slice column needs 'column'.", entry.Location);
        Dictionary<string, string>? groups = null;
        if (entry.Get("groups") is YamlMappingNode groupsNode)
        {
            groups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var groupsMap = entry.AsMap(groupsNode, "slices.columns.groups", [.. groupsNode.Children.Keys.Select(k => k.ToString())]);
            foreach (var (group, valuesNode, location) in groupsMap.Entries)
            {
                var values = valuesNode is YamlSequenceNode list
                    ? list.Children.Select(v => groupsMap.Scalar(v, $"slices.columns.groups.{group}")).ToList()
                    : [groupsMap.Scalar(valuesNode, $"slices.columns.groups.{group}")];
                foreach (var value in values)
                {
                    if (!groups.TryAdd(value.Trim(), group))
                    {
                        throw new ConfigurationException(ErrorCodes.ConfigBadValue, $"The value '{value}' of '{column}' is in two groups, '{groups[value.Trim()]}' and '{group}'.", location);
                    }
                }
            }
        }
        else if (entry.Get("groups") is { } other)
        {
            throw entry.WrongType(other, "slices.columns.groups", "a mapping of group name to a list of values");
        }

        return new SliceColumn(column, groups, entry.Location);
    }
}
