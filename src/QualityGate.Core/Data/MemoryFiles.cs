using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.IO;

namespace QualityGate.Data;

/// <summary>
/// Text held in memory under a path of its own, which <see cref="FileContent"/> opens as it opens a
/// file. Rows made up to be scored again (a suite item with one feature set to a typical value,
/// rows read back to learn their ids) so go through the very readers a data file does, ML.NET's
/// loader and the fast pass, and nothing is written to disk: a run needs no writable temporary
/// folder and leaves nothing behind if it is killed. The paths name no file on disk.
/// </summary>
internal static class MemoryFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"qualitygate-in-memory-{Environment.ProcessId}");

    /// <summary>
    /// Blocks of 64 KiB, below the size of a large object: a <see cref="MemoryStream"/> grows by
    /// doubling and copying, so 3 MB of rows left 4 MB of large objects behind them, met late by
    /// the collector (measured: the result phase of a 1M-row check peaked 4-5 MB higher). None are
    /// kept for reuse: a run makes such rows a few times at most.
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Blocks = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 1 << 16,
        MaximumSmallPoolFreeBytes = 1 << 16,
        MaximumLargePoolFreeBytes = 1 << 16,
    });

    // The text and its blocks as one sequence, taken once: readers on several threads share it.
    private static readonly ConcurrentDictionary<string, (RecyclableMemoryStream Text, ReadOnlySequence<byte> Blocks)> Contents = new(StringComparer.Ordinal);

    private static long _made;

    /// <summary>A stream to write text into; <see cref="Add"/> it once written.</summary>
    public static RecyclableMemoryStream NewText() => Blocks.GetStream(nameof(MemoryFiles));

    /// <summary>Holds <paramref name="text"/> until <see cref="Remove"/>; the path it is opened by, ending in <paramref name="extension"/>.</summary>
    public static string Add(RecyclableMemoryStream text, string extension)
    {
        var path = Path.Combine(Root, $"rows-{Interlocked.Increment(ref _made)}{extension}");
        Contents[path] = (text, text.GetReadOnlySequence());
        return path;
    }

    public static bool Holds(string path) => Contents.ContainsKey(path);

    /// <summary>A reader of the text held under <paramref name="path"/>, from its start and with a position of its own; false when none is held.</summary>
    public static bool TryOpen(string path, out Stream stream)
    {
        if (Contents.TryGetValue(path, out var held))
        {
            stream = PipeReader.Create(held.Blocks).AsStream();
            return true;
        }

        stream = Stream.Null;
        return false;
    }

    /// <summary>Lets the text go, its blocks back to the pool.</summary>
    public static void Remove(string path)
    {
        if (Contents.TryRemove(path, out var held))
        {
            held.Text.Dispose();
        }
    }
}
