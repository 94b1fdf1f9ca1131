using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Mining;

namespace QualityGate.Tests.Scale;

/// <summary>
/// Mining keeps the k hardest candidates while the data streams past, so what it holds must not
/// grow with the rows. Measured as memory still reachable after full collections, against a
/// bound far below what keeping every candidate's id would take.
/// The heap is process-wide, so the test runs alone, after the parallel tests, and each size is
/// measured three times with the least kept: a stray allocation elsewhere in the process (the test
/// runner's own messages) can inflate one measurement, not all three. The miner's own holdings
/// are in every one.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class MiningMemoryTests
{
    private static readonly DataFile File = new("heldout.csv", "heldout.csv", ',', ["Label", "Probability"]);

    [Fact]
    public void Mining_a_million_candidates_holds_no_more_than_mining_a_hundred_thousand()
    {
        var small = LeastRetainedBytes(100_000, out var smallHeld);
        var large = LeastRetainedBytes(1_000_000, out var largeHeld);

        Assert.Equal(1000, smallHeld);
        Assert.Equal(1000, largeHeld);

        // Keeping a million 32-character ids would take over 80 MB; k = 1,000 takes well under 2 MB
        // whatever the rows. The bound is generous so the collector's own churn cannot flake it.
        Assert.True(large < 4_000_000, $"{large:N0} bytes held after a million candidates");
        // Garbage of earlier tests freed during a measurement can make it negative; count that as 0.
        Assert.True(large - Math.Max(small, 0) < 1_000_000, $"{small:N0} bytes after 100k candidates, {large:N0} after 1M");
    }

    [Fact]
    public void Band_rows_mining_turns_away_cost_no_string()
    {
        // A fast pass offers each band row's id as digits in a buffer: only a row the heap keeps
        // becomes a string and a candidate. A million rows in random order keep about
        // k ln(n / k) = 6,900 of them for k = 1,000; a string and a candidate for every row would
        // allocate over 150 MB.
        var mining = new MiningSettings(0.1, 1000, 5000, null, false);
        var collector = new CandidateCollector(0.5, mining, new HashSet<string>(StringComparer.Ordinal));
        var random = new Random(7);
        Span<char> digits = stackalloc char[32];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var row = 0; row < 1_000_000; row++)
        {
            row.TryFormat(digits, out _, "x32", System.Globalization.CultureInfo.InvariantCulture);
            collector.Offer(File, row, 0.4 + (random.NextDouble() * 0.6), positive: false, (ReadOnlySpan<char>)digits);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_000_000, collector.CandidateRows);
        Assert.Equal(1000, collector.Held);
        Assert.True(allocated < 10_000_000, $"{allocated:N0} bytes allocated offering a million band rows");
    }

    private static long LeastRetainedBytes(int rows, out int held)
    {
        var least = long.MaxValue;
        held = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            least = Math.Min(least, RetainedBytes(rows, out held));
        }

        return least;
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

/// <summary>Tests that measure the process-wide heap run after the parallel ones, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
