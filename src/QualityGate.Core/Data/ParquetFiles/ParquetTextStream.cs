using System.Buffers;
using Parquet;
using Parquet.Schema;
using QualityGate.Errors;

namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// A Parquet file read as the CSV text of the same table: a header, then a line per row, a row
/// group at a time. Every reader qgate has (the header, ML.NET's loader, the fast pass, the row
/// reader behind errors and mining, the content hash) reads data files through
/// <see cref="FileContent"/>, so a Parquet file is gated exactly as the CSV of its rows would be,
/// and only one row group is held at a time. Hive partition folders add their columns last.
/// </summary>
public sealed class ParquetTextStream : ForwardOnlyStream
{
    private readonly FileStream _file;
    private readonly ParquetReader _reader;
    private readonly string _display;
    private readonly DataField[] _fields;
    private readonly string[] _columns;

    // The file's columns, then its partitions' (the same text in every row).
    private readonly ParquetCells[] _cells;
    private readonly ArrayBufferWriter<byte> _pending = new(1 << 16);
    private int _pendingOffset;
    private int _group = -1;
    private int _groupRows;
    private int _groupRow;
    private long _rowsBefore;

    private ParquetTextStream(FileStream file, ParquetReader reader, string display)
    {
        (_file, _reader, _display) = (file, reader, display);
        (_fields, _columns, _cells) = ParquetCells.OfTable(reader.Schema, file.Name, why => Unreadable(why, null));
        WriteHeader();
    }

    /// <summary>The columns of a Parquet file, its partition folders' last.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The rows of every row group, from the file's metadata.</summary>
    public long Rows => _reader.RowGroups.Sum(g => g.RowCount);

    /// <summary>
    /// Parquet.Net keeps the buffers it decompresses into in a pool that, left unbounded, keeps
    /// every row group's worth of them: bounded, a file costs about one row group at a time.
    /// </summary>
    internal static readonly ParquetOptions Options = new() { MaximumSmallPoolFreeBytes = 16 << 20, MaximumLargePoolFreeBytes = 64 << 20 };

    /// <summary>How many rows each row group of a Parquet file holds, from its metadata alone.</summary>
    public static IReadOnlyList<long> RowGroupSizes(string path)
    {
        using var stream = Open(path);
        return [.. stream._reader.RowGroups.Select(g => g.RowCount)];
    }

    /// <summary>The columns of a Parquet file as its metadata declares them, partition folders' not included.</summary>
    public static IReadOnlyList<DataField> FieldsOf(string path)
    {
        using var stream = Open(path);
        return stream._fields;
    }

    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    public static ParquetTextStream Open(string path)
    {
        var display = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var reader = ParquetReader.CreateAsync(file, Options, leaveStreamOpen: true).GetAwaiter().GetResult();
            return new ParquetTextStream(file, reader, display);
        }
        catch (Exception e) when (e is not QualityGateException)
        {
            file.Dispose();
            throw new DataException(ErrorCodes.DataUnreadable, $"'{display}' is named .parquet but is not a readable Parquet file: {e.Message}",
                new SourceLocation(display, 0, 0), "Write it again with a Parquet writer, or give the file its real extension.", e);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        while (_pendingOffset == _pending.WrittenCount)
        {
            _pending.ResetWrittenCount();
            _pendingOffset = 0;
            if (!RenderRows())
            {
                return 0;
            }
        }

        var available = _pending.WrittenSpan[_pendingOffset..];
        var count = Math.Min(available.Length, buffer.Length);
        available[..count].CopyTo(buffer);
        _pendingOffset += count;
        return count;
    }

    private void WriteHeader()
    {
        var columns = Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                _pending.Write(","u8);
            }

            ParquetCells.WriteText(columns[i], _pending);
        }

        _pending.Write("\n"u8);
    }

    /// <summary>Renders the next rows (about 64 KB of text); false at the end of the file.</summary>
    private bool RenderRows()
    {
        while (_groupRow == _groupRows)
        {
            if (_group + 1 >= _reader.RowGroupCount)
            {
                return false;
            }

            LoadGroup(_group + 1);
        }

        while (_groupRow < _groupRows && _pending.WrittenCount < 1 << 16)
        {
            for (var c = 0; c < _cells.Length; c++)
            {
                if (c > 0)
                {
                    _pending.Write(","u8);
                }

                _cells[c].Write(_groupRow, _pending);
            }

            _pending.Write("\n"u8);
            _groupRow++;
        }

        return true;
    }

    private void LoadGroup(int group)
    {
        _rowsBefore += _groupRows;
        try
        {
            using var reader = _reader.OpenRowGroupReader(group);
            _groupRows = checked((int)reader.RowCount);
            foreach (var cells in _cells)
            {
                cells.Read(reader, _groupRows);
            }
        }
        catch (Exception e) when (e is not QualityGateException)
        {
            throw Unreadable($"row group {group + 1} of {_reader.RowGroupCount} (rows {_rowsBefore + 1:N0} on) cannot be read: {e.Message}", e,
                "The file is damaged or cut short: write it again.");
        }

        (_group, _groupRow) = (group, 0);
    }

    private DataException Unreadable(string why, Exception? inner, string hint = "Flatten or cast the column in the writer (Spark's select, DuckDB's COPY (SELECT ...)), or leave it out of the file.") =>
        new(ErrorCodes.DataUnreadable, $"The Parquet file '{_display}' cannot be gated: {why}.", new SourceLocation(_display, 0, 0), hint, inner);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
