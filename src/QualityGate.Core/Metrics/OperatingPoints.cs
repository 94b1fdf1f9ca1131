using System.Globalization;
using QualityGate.Configuration;

namespace QualityGate.Metrics;

/// <summary>The operating point a config asks for, resolved on the held-out scores: the threshold, then the region around it.</summary>
internal static class OperatingPoints
{
    public static OperatingPoint Resolve(GateConfig config, RankedExamples heldout)
    {
        var threshold = ThresholdResolver.Resolve(config.Threshold, heldout);
        var (low, high) = RegionResolver.Resolve(config.Region, threshold, heldout);
        return new OperatingPoint(threshold, low, high, Describe(config.Threshold));
    }

    private static string Describe(ThresholdSettings settings) => settings.Target switch
    {
        null => "fixed",
        var target => $"{YamlMap.SnakeCase(target.Value.ToString())}: {settings.TargetValue.ToString(CultureInfo.InvariantCulture)}, resolved on heldout",
    };
}
