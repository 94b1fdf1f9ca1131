using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Mining;

namespace QualityGate.Tests.Scale;

/// <summary>
/// Mining keeps the k hardest candidates while the data streams past, so what it holds must not
/// grow with the rows. Measured as memory still reachable after full collections, against a
/// bound far below what keeping every candidate's id would take.
/// </summary>
public sealed class MiningMemoryTests
{
    private static readonly DataFile File = new("heldout.csv", "heldout.csv", ',', ["Label", "Probability"]);

    [Fact]
    public void Mining_a_million_candidates_holds_no_more_than_mining_a_hundred_thousand()
    {
        var small = RetainedBytes(100_000, out var smallHeld);
        var large = RetainedBytes(1_000_000, out var largeHeld);

        Assert.Equal(1000, smallHeld);
        Assert.Equal(1000, largeHeld);

        // Keeping a million 32-character ids would take over 80 MB; k = 1,000 takes well under 2 MB
        // whatever the rows. The bound is generous so the collector's own churn cannot flake it.
        Assert.True(large < 4_000_000, $"{large:N0} bytes held after a million candidates");
        Assert.True(large - small < 1_000_000, $"{small:N0} bytes after 100k candidates, {large:N0} after 1M");
    }

    private static long RetainedBytes(int rows, out int held)
    {
        var mining = new MiningSettings(0.1, 1000, 5000, null, false);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var collector = new CandidateCollector(0.5, mining, new HashSet<string>());
        var random = new Random(7);
        for (var row = 0; row < rows; row++)
        {
            // Every row is a negative in the band (score >= 0.4), each with its own id.
            collector.Offer(File, row, 0.4 + (random.NextDouble() * 0.6), positive: false, $"{row:x32}");
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        held = collector.Held;
        Assert.Equal(rows, collector.CandidateRows);
        GC.KeepAlive(collector);
        return after - before;
    }
}
