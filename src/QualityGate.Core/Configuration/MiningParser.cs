namespace QualityGate.Configuration;

/// <summary>Reads <c>mining: { margin, max_new, max_size, suspect_above, positives }</c>.</summary>
internal static class MiningParser
{
    public static MiningSettings Read(YamlMap root)
    {
        var defaults = MiningSettings.Default;
        if (root.Map("mining", "margin", "max_new", "max_size", "suspect_above", "positives") is not { } map)
        {
            return defaults;
        }

        var margin = map.Number("margin") ?? defaults.Margin;
        if (margin < 0)
        {
            throw map.BadValue(map.Get("margin")!, $"'mining.margin' must be 0 or more, not {margin}.");
        }

        var maxNew = map.Integer("max_new") ?? defaults.MaxNew;
        if (maxNew < 0)
        {
            throw map.BadValue(map.Get("max_new")!, $"'mining.max_new' must be 0 or more, not {maxNew}.");
        }

        var maxSize = map.Integer("max_size") ?? defaults.MaxSize;
        if (maxSize < 1)
        {
            throw map.BadValue(map.Get("max_size")!, $"'mining.max_size' must be at least 1, not {maxSize}.");
        }

        var positives = map.String("positives") switch
        {
            null => false,
            "true" => true,
            "false" => false,
            _ => throw map.WrongType(map.Get("positives")!, "mining.positives", "true or false"),
        };
        return new MiningSettings(margin, maxNew, maxSize, map.Number("suspect_above"), positives);
    }
}
