namespace QualityGate.Configuration;

/// <summary>Reads <c>explain: { top, sample, repeats, seed, max_groups, ignore }</c>.</summary>
internal static class ExplainParser
{
    public static ExplainSettings Read(YamlMap root)
    {
        var defaults = ExplainSettings.Default;
        if (root.Map("explain", "top", "sample", "repeats", "seed", "max_groups", "ignore") is not { } map)
        {
            return defaults;
        }

        return new ExplainSettings(
            map.IntegerAtLeast("top", defaults.Top, 1),
            map.IntegerAtLeast("sample", defaults.Sample, 10),
            map.IntegerAtLeast("repeats", defaults.Repeats, 1),
            map.IntegerAtLeast("seed", defaults.Seed, 0),
            map.IntegerAtLeast("max_groups", defaults.MaxGroups, 1),
            map.StringList("ignore"));
    }
}
