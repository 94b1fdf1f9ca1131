using System.Globalization;
using nietras.SeparatedValues;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// One row's fields as the fast pass reads them, from whatever holds them: a CSV line Sep has
/// split, or a Parquet row group's decoded columns. Every field reads as the text a CSV of the
/// same table holds, and numbers parse as that text would, so both give the same scores, labels
/// and ids.
/// </summary>
internal interface IFieldRow
{
    int Count { get; }

    /// <summary>Whether ML.NET's loader would skip the row as a comment (its first field starts with "//").</summary>
    bool IsComment { get; }

    /// <summary>The field's text, valid until the next call.</summary>
    ReadOnlySpan<char> Text(int field);

    /// <summary>The field as a single-precision number, rounded from its text as ML.NET's loader rounds it.</summary>
    bool TryFloat(int field, out float value);

    /// <summary>The field as a double, parsed from its text.</summary>
    bool TryDouble(int field, out double value);
}

/// <summary>A CSV row as Sep split it (quotes not parsed: a quoted field is left to the full reader).</summary>
internal readonly ref struct SepFieldRow(SepReader.Row row) : IFieldRow
{
    private readonly SepReader.Row _row = row;

    public int Count => _row.ColCount;

    public bool IsComment => _row[0].Span.StartsWith("//");

    public ReadOnlySpan<char> Text(int field) => _row[field].Span;

    public bool TryFloat(int field, out float value)
    {
        var column = _row[field];
        if (ShortFloat.TryParse(column.Span, out value))
        {
            return true;
        }

        // Sep parses with csFastFloat: correctly rounded, as .NET's parser and ML.NET's loader are, several times faster.
        var parsed = column.TryParse<float>();
        value = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    public bool TryDouble(int field, out double value) =>
        double.TryParse(_row[field].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

/// <summary>
/// A row of a Parquet row group's decoded columns. Numbers are read as values (see
/// <see cref="Data.ParquetFiles.ParquetNumbers"/>); text is written as the CSV of the table holds
/// it, into the worker's own <see cref="CellText"/>, only for the fields the plan reads as text.
/// </summary>
internal readonly ref struct ParquetFieldRow(Data.ParquetFiles.ParquetRowGroups groups, int row, CellText scratch) : IFieldRow
{
    public int Count => groups.ColumnCount;

    public bool IsComment => groups[0].IsText && Text(0).StartsWith("//");

    public ReadOnlySpan<char> Text(int field) => scratch.Of(groups[field], row);

    public bool TryFloat(int field, out float value) => groups[field].TryFloat(row, scratch.Bytes, out value);

    public bool TryDouble(int field, out double value) => groups[field].TryDouble(row, scratch.Bytes, out value);
}

/// <summary>A worker's room to write a Parquet cell's text in.</summary>
internal sealed class CellText
{
    private char[] _chars = new char[256];

    public System.Buffers.ArrayBufferWriter<byte> Bytes { get; } = new(256);

    public ReadOnlySpan<char> Of(Data.ParquetFiles.ParquetCells cells, int row)
    {
        var bytes = cells.Rendered(row, Bytes);
        if (_chars.Length < bytes.Length)
        {
            _chars = new char[bytes.Length * 2];
        }

        return _chars.AsSpan(0, System.Text.Encoding.UTF8.GetChars(bytes, _chars));
    }
}
