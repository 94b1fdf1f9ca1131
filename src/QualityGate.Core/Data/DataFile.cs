using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>
/// A delimited text file with a header: its path, separator and column names. The path may also
/// be a folder of part files with one header each, as Spark and other distributed engines write
/// them; the parts are read in name order as one data set.
/// </summary>
public sealed record DataFile(string Path, string DisplayPath, char Separator, IReadOnlyList<string> Columns)
{
    private IReadOnlyList<string>? _parts;

    /// <summary>The files to read: the file itself, or the folder's part files in name order.</summary>
    public IReadOnlyList<string> Parts
    {
        get => _parts ?? [Path];
        init => _parts = value;
    }

    /// <summary>Opens the file far enough to read its header. Tab-separated for <c>.tsv</c>, else comma, unless configured.</summary>
    public static DataFile Open(string path, string displayPath, char? separator, SourceLocation configuredAt)
    {
        if (Directory.Exists(path))
        {
            return OpenParts(path, displayPath, separator, configuredAt);
        }

        if (!File.Exists(path))
        {
            throw new DataException(ErrorCodes.DataFileMissing, $"The data file '{displayPath}' does not exist.", configuredAt);
        }

        Storage.InputFile.RequireRegular(path, displayPath, "data file", configuredAt);

        RequireUtf8(path, displayPath);
        // A Parquet file is read as comma-separated text, whatever separator the CSV files use.
        var sep = ParquetFiles.ParquetTextStream.IsParquet(path) ? ',' : separator ?? (FileContent.WithoutCompression(path).EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        List<string>? header;
        try
        {
            using var reader = CsvRecordReader.Open(path, sep);
            header = reader.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The data file '{displayPath}' cannot be read: {e.Message}", configuredAt, inner: e);
        }

        if (header is null)
        {
            throw new DataException(ErrorCodes.DataEmpty, $"'{displayPath}' is empty: a header line and at least one row are needed.", new SourceLocation(displayPath, 1, 0));
        }

        var columns = header.Select(c => c.Trim()).ToList();
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DataException(ErrorCodes.DataMissingColumn, $"The header names column '{duplicate.Key}' twice.", new SourceLocation(displayPath, 1, 0));
        }

        return new DataFile(path, displayPath, sep, columns);
    }

    /// <summary>
    /// ML.NET reads data as UTF-8 (a UTF-8 byte order mark is fine); a UTF-16 or UTF-32 file would
    /// be read as garbage, so it is refused with the fix.
    /// </summary>
    private static void RequireUtf8(string path, string displayPath)
    {
        Span<byte> start = stackalloc byte[4];
        int read;
        try
        {
            using var stream = FileContent.Open(path);
            read = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is named .gz but is not gzip data: {e.Message}", new SourceLocation(displayPath, 0, 0),
                "Compress it with gzip, or drop the .gz from its name.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The data file '{displayPath}' cannot be read: {e.Message}", new SourceLocation(displayPath, 0, 0), inner: e);
        }

        var bytes = start[..read];
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        var utf32 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
        var utf16 = !utf32 && (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]));
        if (utf16 || utf32 || (read >= 2 && (bytes[0] == 0 || bytes[1] == 0)))
        {
            throw new DataException(ErrorCodes.DataEncoding,
                $"'{displayPath}' is not UTF-8 (it looks like UTF-{(utf32 ? 32 : 16)}).",
                new SourceLocation(displayPath, 1, 0),
                $"Save it as UTF-8, for example with 'iconv -f UTF-{(utf32 ? 32 : 16)} -t UTF-8'.");
        }
    }

    /// <summary>
    /// A folder of part files: every part must have the same header. Anything else in the folder
    /// is refused rather than skipped (a skipped part would be a verdict on part of the data),
    /// except what writers leave beside their parts: names starting with '_' or '.' (Spark's
    /// <c>_SUCCESS</c>, hidden <c>.crc</c> checksums) and <c>.crc</c> files.
    /// </summary>
    private static DataFile OpenParts(string folder, string displayPath, char? separator, SourceLocation configuredAt)
    {
        var unreadable = Entries(folder)
            .Where(f => !IsPart(f) && !IsWriterMarker(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unreadable.Count > 0)
        {
            var name = System.IO.Path.GetFileName(unreadable[0]);
            throw new DataException(ErrorCodes.DataFileMissing,
                $"'{PartDisplay(displayPath, folder, unreadable[0])}' is in the data folder but is no .csv, .tsv or .parquet part{(Directory.Exists(unreadable[0]) ? " (a folder)" : string.Empty)}: qgate will not decide on part of the data{(unreadable.Count > 1 ? $" ({unreadable.Count} such entries)" : string.Empty)}.",
                configuredAt,
                name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? $"qgate reads gzipped .csv and .tsv parts ('part-0.csv.gz'); decompress anything else first ('gunzip {name}')." : "Remove it from the folder, or rename it to start with '_' if it is no data.");
        }

        var parts = PartsOf(folder);
        if (parts.Count == 0)
        {
            throw new DataException(ErrorCodes.DataFileMissing, $"'{displayPath}' is a folder without .csv, .tsv or .parquet part files.", configuredAt);
        }

        var first = Open(parts[0], PartDisplay(displayPath, folder, parts[0]), separator, configuredAt);
        foreach (var part in parts.Skip(1))
        {
            var other = Open(part, PartDisplay(displayPath, folder, part), first.Separator, configuredAt);
            if (!other.Columns.SequenceEqual(first.Columns))
            {
                throw new DataException(ErrorCodes.DataMissingColumn, $"The part '{other.DisplayPath}' has another header than '{first.DisplayPath}'.", new SourceLocation(other.DisplayPath, 1, 0));
            }
        }

        return new DataFile(folder, displayPath, first.Separator, first.Columns) { Parts = parts };
    }

    /// <summary>A part file qgate reads: .csv or .tsv, either of them gzipped, or .parquet.</summary>
    public static bool IsPart(string path) =>
        File.Exists(path) && !IsWriterMarker(path) && FileContent.WithoutCompression(path) is var name
        && (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || ParquetFiles.ParquetTextStream.IsParquet(path));

    /// <summary>A folder's part files in the order they are read: ordinal by their path within it, into hive partition folders.</summary>
    public static IReadOnlyList<string> PartsOf(string folder) =>
        [.. Entries(folder).Where(IsPart).OrderBy(p => PartName(folder, p), StringComparer.Ordinal)];

    /// <summary>A part's path within its data folder, with '/' on every platform: <c>provider=gmail/part-0.parquet</c>.</summary>
    public static string PartName(string folder, string part) => System.IO.Path.GetRelativePath(folder, part).Replace('\\', '/');

    /// <summary>What a data folder holds: its entries, with the contents of its <c>key=value</c> partition folders instead of those folders.</summary>
    private static IEnumerable<string> Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).SelectMany(entry =>
            Directory.Exists(entry) && ParquetFiles.HivePartitions.IsPartitionFolder(System.IO.Path.GetFileName(entry)) ? Entries(entry) : [entry]);

    private static bool IsWriterMarker(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.StartsWith('_') || name.StartsWith('.') || name.EndsWith(".crc", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A part as the user names it: the folder, then the part's path within it (its partition folders too).</summary>
    internal static string PartDisplay(string folderDisplay, string folder, string part) => $"{folderDisplay.TrimEnd('/')}/{PartName(folder, part)}";

    /// <summary>Reads the data rows of every part in order, skipping each part's header.</summary>
    public PartsReader ReadRows() => new(this);

    public int IndexOf(string column) => Columns.ToList().IndexOf(column);

    /// <summary>The index of a column that must exist, or an error that names the file and suggests the closest header name.</summary>
    public int Require(string column, string role, SourceLocation? configuredAt = null)
    {
        var index = IndexOf(column);
        if (index >= 0)
        {
            return index;
        }

        var closest = Configuration.Suggestions.Closest(column, Columns);
        throw new DataException(
            ErrorCodes.DataMissingColumn,
            $"The {role} column '{column}' is not in the header of '{DisplayPath}'.",
            configuredAt ?? new SourceLocation(DisplayPath, 1, 0),
            closest is null ? $"The header has: {Preview()}." : $"Did you mean '{closest}'?");
    }

    /// <summary>The file and line of a 0-based data row (the header is line 1); for parts, found by counting rows.</summary>
    public SourceLocation RowLocation(long row)
    {
        // Read, not computed: blank lines and quoted fields that span lines make a row's line
        // more than its index plus the header. Only an error asks, so the cost is paid once.
        using var reader = ReadRows();
        for (var index = 0; index < row && reader.Skip(); index++)
        {
        }

        return reader.Skip() ? reader.Location : new SourceLocation(DisplayPath, 0, 0);
    }

    /// <summary>Whether the rows come from part files (all of a folder's, or a shard's share of them).</summary>
    internal bool IsFolder => Parts.Count != 1 || Parts[0] != Path;

    private string Preview() =>
        Columns.Count <= 12 ? string.Join(", ", Columns) : string.Join(", ", Columns.Take(12)) + $", … ({Columns.Count} columns)";
}
