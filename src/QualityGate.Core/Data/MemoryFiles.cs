using System.Collections.Concurrent;

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

    private static readonly ConcurrentDictionary<string, TextBlocks> Contents = new(StringComparer.Ordinal);

    private static long _made;

    /// <summary>Holds <paramref name="content"/> until <see cref="Remove"/>; the path it is opened by, ending in <paramref name="extension"/>.</summary>
    public static string Add(TextBlocks content, string extension)
    {
        var path = Path.Combine(Root, $"rows-{Interlocked.Increment(ref _made)}{extension}");
        Contents[path] = content;
        return path;
    }

    public static bool Holds(string path) => Contents.ContainsKey(path);

    /// <summary>A read-only stream over the text held under <paramref name="path"/>; false when none is.</summary>
    public static bool TryOpen(string path, out Stream stream)
    {
        if (Contents.TryGetValue(path, out var content))
        {
            stream = content.OpenRead();
            return true;
        }

        stream = Stream.Null;
        return false;
    }

    public static void Remove(string path) => Contents.TryRemove(path, out _);
}
