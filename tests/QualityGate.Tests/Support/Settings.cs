using QualityGate.Configuration;

namespace QualityGate.Tests.Support;

internal static class Settings
{
    public static StatisticsSettings Statistics(Evidence evidence = Evidence.Significant, int minCount = 10, IntervalMethod method = IntervalMethod.Wilson, double confidence = 0.95) =>
        new(evidence, confidence, method, InconclusivePolicy.Warn, minCount, 1000, 7);
}
