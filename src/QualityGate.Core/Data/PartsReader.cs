using QualityGate.Data.ParquetFiles;
using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>The data rows of a <see cref="DataFile"/>, part after part, with the part and line each came from.</summary>
public sealed class PartsReader(DataFile file) : IDisposable
{
    private int _part = -1;
    private CsvRecordReader? _reader;
    private long _rowInPart = -1;
    private IReadOnlyList<long>? _rowGroups;

    /// <summary>The part file of the last row read or skipped.</summary>
    public string Part => file.Parts[Math.Max(0, _part)];

    /// <summary>The line, in its part, of the last row read or skipped.</summary>
    public int Line => _reader?.RecordLine ?? 0;

    /// <summary>Where the last row read or skipped is: its part (or the file) and line.</summary>
    public SourceLocation Location => new(file.IsFolder ? DataFile.PartDisplay(file.DisplayPath, file.Path, Part) : file.DisplayPath, Line, 0, ParquetRow());

    public List<string>? Read() => Next(r => r.Read()) is { } fields ? fields : null;

    public bool Skip() => Next(r => r.Skip() ? Skipped : null) is not null;

    // What a skipped row gives Next: one shared marker, not a list per row (a million skipped rows made 30 MB of them).
    private static readonly List<string> Skipped = [];

    private List<string>? Next(Func<CsvRecordReader, List<string>?> step)
    {
        while (true)
        {
            if (_reader is not null && step(_reader) is { } result)
            {
                _rowInPart++;
                return result;
            }

            _reader?.Dispose();
            _reader = null;
            (_rowInPart, _rowGroups) = (-1, null);
            if (++_part >= file.Parts.Count)
            {
                return null;
            }

            _reader = CsvRecordReader.Open(file.Parts[_part], file.Separator);
            _ = _reader.Read();
        }
    }

    /// <summary>For a row of a Parquet part, its row and row group, read from the file's metadata once per part.</summary>
    private string? ParquetRow()
    {
        if (_rowInPart < 0 || !ParquetTextStream.IsParquet(Part))
        {
            return null;
        }

        _rowGroups ??= ParquetTextStream.RowGroupSizes(Part);
        var (group, before) = (0, 0L);
        while (group < _rowGroups.Count - 1 && before + _rowGroups[group] <= _rowInPart)
        {
            before += _rowGroups[group++];
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"row {_rowInPart + 1:N0} of the table: row group {group + 1} of {_rowGroups.Count}, its row {_rowInPart - before + 1:N0}");
    }

    public void Dispose() => _reader?.Dispose();
}
