using System.Globalization;

namespace QualityGate.Mining;

/// <summary>
/// The clock that dates mined items. <c>SOURCE_DATE_EPOCH</c> (seconds since 1970, the
/// reproducible-builds convention) fixes it, so the same inputs write the same suite bytes.
/// </summary>
public static class MiningClock
{
    public static TimeProvider FromEnvironment()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(seconds))
            : TimeProvider.System;
    }

    public static string Today(TimeProvider clock) => clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
