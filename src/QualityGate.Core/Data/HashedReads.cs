using System.Collections.Concurrent;

namespace QualityGate.Data;

/// <summary>
/// Hashes of data files' text taken by the pass that reads them anyway. A baseline identifies the
/// held-out set by its <see cref="TextHash"/>; hashing it in a second read cost a second read of
/// the whole file (0.4 s of CPU for a 1M-row CSV, more for a gzipped one). While a pass reads a
/// file whose hash will be wanted (<see cref="While"/>), every reader <see cref="FileContent"/>
/// opens on it hashes what it reads, and one that reads to the end leaves the hash here. A hash is kept with the file's size and time of last write and
/// given back only while both are unchanged.
/// </summary>
public static class HashedReads
{
    private static readonly ConcurrentDictionary<string, int> Wanted = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (FileStamp Stamp, string Hash)> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// Until disposed, readers of these files hash what they read: for the scoring pass only, so
    /// the reads after it (mining's read-back of a few rows) do not hash the file again. Not
    /// Parquet files: their bytes are their hash (see <see cref="Baseline.ContentHash.OfDataFile"/>).
    /// </summary>
    public static IDisposable While(IEnumerable<string> paths)
    {
        var wanted = paths.Where(p => !ParquetFiles.ParquetTextStream.IsParquet(p)).Select(p => System.IO.Path.GetFullPath(p)).ToList();
        foreach (var path in wanted)
        {
            Wanted.AddOrUpdate(path, 1, (_, readers) => readers + 1);
        }

        return new Scope(wanted);
    }

    private sealed class Scope(List<string> paths) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            foreach (var path in paths)
            {
                // Taken out when the last scope on it ends (passes in parallel, in tests, may share a file).
                if (Wanted.AddOrUpdate(path, 0, (_, readers) => readers - 1) <= 0)
                {
                    Wanted.TryRemove(new KeyValuePair<string, int>(path, 0));
                }
            }
        }
    }

    public static bool IsWanted(string path) => Wanted.ContainsKey(System.IO.Path.GetFullPath(path));

    /// <summary>The hash a reader left of the file as it is now; null when none read all of it since it last changed.</summary>
    public static string? Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return Known.TryGetValue(full, out var known) && FileStamp.Of(full) == known.Stamp ? known.Hash : null;
    }

    /// <summary>The reader of a file's text, hashing what it reads when the file's hash is wanted.</summary>
    internal static Stream Watch(string path, Stream content)
    {
        // Stamped when opened: a file written while it is read is stamped anew, and its hash is not given back.
        var full = System.IO.Path.GetFullPath(path);
        return Wanted.ContainsKey(full) ? new HashingStream(content, full, FileStamp.Of(full)) : content;
    }

    private readonly record struct FileStamp(long Length, DateTime Written)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : default;
        }
    }

    /// <summary>
    /// Passes reads through, hashing them; at the end of the content, the hash is left for
    /// <see cref="Of"/>, stamped as the file was when it was opened (a file written meanwhile is
    /// stamped anew and does not match).
    /// </summary>
    private sealed class HashingStream(Stream content, string path, FileStamp opened) : ForwardOnlyStream
    {
        private readonly TextHash _hash = new();
        private bool _ended;

        public override int Read(Span<byte> buffer)
        {
            var read = content.Read(buffer);
            if (_ended)
            {
                return read;
            }

            if (read > 0)
            {
                _hash.Append(buffer[..read]);
            }
            else if (buffer.Length > 0)
            {
                _ended = true;
                Known[path] = (opened, _hash.Finish());
            }

            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                content.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
