using System.IO.Compression;
using Microsoft.ML.Data;

namespace QualityGate.Data;

/// <summary>
/// Opens a data file's bytes as text readers want them: a <c>.gz</c> file (<c>heldout.csv.gz</c>,
/// gzip as pipelines and Spark's <c>compression=gzip</c> write it) decompressed on the fly, so
/// every reader (the header, ML.NET's loader, the fast pass, the row reader behind error messages
/// and mining) reads the same text, and nothing is unpacked to disk.
/// </summary>
public static class FileContent
{
    public static bool IsCompressed(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name without its compression suffix: what says whether it is CSV or TSV.</summary>
    public static string WithoutCompression(string path) => IsCompressed(path) ? path[..^3] : path;

    public static Stream Open(string path) => HashedReads.Watch(path, OpenUnhashed(path));

    /// <summary>The text, never hashed on the way: for the reader that hashes it itself.</summary>
    internal static Stream OpenUnhashed(string path)
    {
        if (MemoryFiles.TryOpen(path, out var held))
        {
            return held;
        }

        if (ParquetFiles.ParquetTextStream.IsParquet(path))
        {
            return ParquetFiles.ParquetTextStream.Open(path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return IsCompressed(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The parts as ML.NET's loader reads them: its own file source unless a part is compressed, Parquet, held in memory, or to be hashed as it is read.</summary>
    public static IMultiStreamSource Source(IReadOnlyList<string> parts) =>
        parts.Any(p => IsCompressed(p) || ParquetFiles.ParquetTextStream.IsParquet(p) || MemoryFiles.Holds(p) || HashedReads.IsWanted(p)) ? new DecompressingSource(parts) : new MultiFileSource([.. parts]);

    private sealed class DecompressingSource(IReadOnlyList<string> parts) : IMultiStreamSource
    {
        public int Count => parts.Count;

        public string? GetPathOrNull(int index) => parts[index];

        public Stream Open(int index) => FileContent.Open(parts[index]);

        public TextReader OpenTextReader(int index) => new StreamReader(Open(index), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }
}
