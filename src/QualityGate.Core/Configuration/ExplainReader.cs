namespace QualityGate.Configuration;

/// <summary>Reads <c>explain: { top, sample, repeats, seed, max_groups, ignore }</c>.</summary>
internal static class ExplainReader
{
    public static ExplainSettings Read(YamlMap root)
    {
        var defaults = ExplainSettings.Default;
        if (root.Map("explain", "top", "sample", "repeats", "seed", "max_groups", "ignore") is not { } map)
        {
            return defaults;
        }

        return new ExplainSettings(
            AtLeast(map, "top", defaults.Top, 1),
            AtLeast(map, "sample", defaults.Sample, 10),
            AtLeast(map, "repeats", defaults.Repeats, 1),
            AtLeast(map, "seed", defaults.Seed, 0),
            AtLeast(map, "max_groups", defaults.MaxGroups, 1),
            map.StringList("ignore"));
    }

    private static int AtLeast(YamlMap map, string key, int fallback, int minimum)
    {
        var value = map.Integer(key) ?? fallback;
        return value >= minimum ? value : throw map.BadValue(map.Get(key)!, $"'explain.{key}' must be at least {minimum}, not {value}.");
    }
}
