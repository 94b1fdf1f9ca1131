using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>The data rows of a <see cref="DataFile"/>, part after part, with the part and line each came from.</summary>
public sealed class PartsReader(DataFile file) : IDisposable
{
    private int _part = -1;
    private CsvRecordReader? _reader;

    /// <summary>The part file of the last row read or skipped.</summary>
    public string Part => file.Parts[Math.Max(0, _part)];

    /// <summary>The line, in its part, of the last row read or skipped.</summary>
    public int Line => _reader?.RecordLine ?? 0;

    /// <summary>Where the last row read or skipped is: its part (or the file) and line.</summary>
    public SourceLocation Location => new(file.IsFolder ? DataFile.PartDisplay(file.DisplayPath, file.Path, Part) : file.DisplayPath, Line, 0);

    public List<string>? Read() => Next(r => r.Read()) is { } fields ? fields : null;

    public bool Skip() => Next(r => r.Skip() ? [] : null) is not null;

    private List<string>? Next(Func<CsvRecordReader, List<string>?> step)
    {
        while (true)
        {
            if (_reader is not null && step(_reader) is { } result)
            {
                return result;
            }

            _reader?.Dispose();
            _reader = null;
            if (++_part >= file.Parts.Count)
            {
                return null;
            }

            _reader = CsvRecordReader.Open(file.Parts[_part], file.Separator);
            _ = _reader.Read();
        }
    }

    public void Dispose() => _reader?.Dispose();
}
