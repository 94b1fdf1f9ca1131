using System.Globalization;
using Parquet;
using Parquet.Schema;
using QualityGate.Errors;

namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// Rows of text fields, as every qgate reader gives them, written as a Parquet file of the given
/// columns: each field is parsed back to its column's type, which gives back the very value the
/// Parquet reader rendered (<see cref="ParquetCells"/> writes numbers in their round-trip form and
/// times in ISO 8601); an empty field is a null. Rows are held a row group at a time.
/// </summary>
public sealed class ParquetTableWriter : IDisposable
{
    /// <summary>Rows per row group: large enough for good compression, small enough to hold.</summary>
    private const int RowGroupRows = 100_000;

    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly List<string>[] _columns;
    private readonly List<Func<SourceLocation>> _where = [];

    public ParquetTableWriter(Stream output, IReadOnlyList<DataField> fields)
    {
        _fields = [.. fields];
        _columns = [.. _fields.Select(_ => new List<string>())];
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), output).GetAwaiter().GetResult();
    }

    /// <param name="where">Where the row comes from, for an error about one of its fields.</param>
    public void Add(IReadOnlyList<string> fields, Func<SourceLocation> where)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c].Add(c < fields.Count ? fields[c] : string.Empty);
        }

        _where.Add(where);
        if (_where.Count == RowGroupRows)
        {
            Flush();
        }
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void Flush()
    {
        if (_where.Count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
            {
                WriteColumn(group, _fields[c], _columns[c]);
                _columns[c].Clear();
            }
        }

        _where.Clear();
    }

    private void WriteColumn(ParquetRowGroupWriter group, DataField field, List<string> texts)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            group.WriteAsync(field, texts.Select(t => t.Length == 0 && field.IsNullable ? null! : t).ToList()).GetAwaiter().GetResult();
            return;
        }

        var write = type switch
        {
            _ when type == typeof(float) => Typed(field, texts, t => float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => Typed(field, texts, t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => Typed(field, texts, t => int.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => Typed(field, texts, t => long.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(short) => Typed(field, texts, t => short.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(byte) => Typed(field, texts, t => byte.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(sbyte) => Typed(field, texts, t => sbyte.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(ushort) => Typed(field, texts, t => ushort.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(uint) => Typed(field, texts, t => uint.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(ulong) => Typed(field, texts, t => ulong.Parse(t, CultureInfo.InvariantCulture)),
            _ when type == typeof(decimal) => Typed(field, texts, t => decimal.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ when type == typeof(bool) => Typed(field, texts, t => bool.Parse(t)),
            _ when type == typeof(DateTime) => Typed(field, texts, t => DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
            _ when type == typeof(DateOnly) => Typed(field, texts, t => DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"No Parquet writer for {type.Name}: the reader would have refused the column."),
        };
        write(group);
    }

    /// <summary>A column's values parsed to their type, nullable or not as the column is.</summary>
    private Action<ParquetRowGroupWriter> Typed<T>(DataField field, List<string> texts, Func<string, T> parse)
        where T : struct
    {
        T? Parse(int row)
        {
            var text = texts[row];
            if (text.Length == 0 && field.IsNullable)
            {
                return null;
            }

            try
            {
                return parse(text);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new DataException(ErrorCodes.DataUnreadable,
                    $"'{text}' cannot be written to the Parquet column '{field.Name}', which holds {typeof(T).Name} values{(field.IsNullable ? string.Empty : " and no nulls")}.",
                    _where[row](), "The suite's items and the training data must hold values of the training file's column types.");
            }
        }

        if (field.IsNullable)
        {
            var values = Enumerable.Range(0, texts.Count).Select(Parse).ToArray();
            return group => group.WriteAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
        }

        var required = Enumerable.Range(0, texts.Count).Select(row => Parse(row)!.Value).ToArray();
        return group => group.WriteAsync<T>(field, required.AsMemory()).GetAwaiter().GetResult();
    }
}
