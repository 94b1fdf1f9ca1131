namespace QualityGate.Gate;

/// <summary>
/// Full collections at the points of a run where most of a large held-out set's memory turns
/// to garbage at once. Left alone, the collector meets that garbage only after the next steps have
/// allocated on top of it, and the process's peak is the sum of both. Measured on 1M rows x 50
/// (init's config, blessed, mining; docs/performance.md): peak 120 MB without them, 112-115 MB
/// with, each collection 10-20 ms; 105-109 MB once the first is aggressive too and the ranking is
/// let go. Smaller sets skip them: their garbage is small, and a test process runs thousands of
/// small gates.
/// </summary>
internal static class Garbage
{
    /// <summary>Sets of at least this many rows are collected after.</summary>
    public const int LargeSet = 100_000;

    /// <summary>
    /// After the held-out pass: its batches, the ids mining looked at, the id arrays' unused room.
    /// This moves the live large arrays (scores, labels, kept ids: 8 MB at 1M rows, a few ms); the
    /// pass has already copied its kept ids out of the row-sized array, which, still live here,
    /// would be moved whole and made resident (measured: a higher peak).
    /// </summary>
    public static void AfterPass(long rows) => Collect(rows);

    /// <summary>
    /// Once decisions and mining are done and the caller holds the scored rows no more: those rows,
    /// their ranking and ids, before the result's own work (scoring the reported items again) and
    /// the reports allocate.
    /// </summary>
    public static void AfterDecisions(long rows) => Collect(rows);

    /// <summary>
    /// Once the result is built: the suite's items scored again with one feature changed each
    /// (a pass of its own over 10,000 made-up rows), before the JSON and the reports are written
    /// on top of that garbage. Measured on 1M rows (init's config, blessed, mining): the run's last
    /// moments had become its peak, 110.4-110.5 MB; 106.7-106.9 MB with this, in the same time.
    /// </summary>
    public static void AfterResult(long rows) => Collect(rows);

    /// <summary>A full, compacting collection for a large set. Aggressive: the free memory goes back to the system, not kept for the next step.</summary>
    private static void Collect(long rows)
    {
        if (rows >= LargeSet)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
