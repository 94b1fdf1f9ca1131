using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// One column of a row group, read whole into a typed array and written cell by cell as the text
/// a CSV of the same data holds: numbers in the invariant culture's shortest round-trip form (a
/// float reads back to the same bits, so a model scores the same), booleans as true/false, times
/// in ISO 8601, a null as an empty field, text quoted when it holds the separator, a quote or a
/// line break.
/// </summary>
internal abstract class ParquetCells
{
    public abstract void Read(ParquetRowGroupReader group, int rows);

    public abstract void Write(int row, IBufferWriter<byte> output);

    /// <summary>Whether the column holds numbers, which <see cref="TryFloat"/> and <see cref="TryDouble"/> read without their text where they can.</summary>
    public virtual bool IsNumber => false;

    /// <summary>Whether a cell's text may start with "//" (a comment to ML.NET's loader): only text can.</summary>
    public virtual bool IsText => false;

    /// <summary>
    /// The cell as the float its text parses to (<paramref name="text"/>: room to write it, when
    /// the value alone cannot tell); false for a null or a cell that is no number.
    /// </summary>
    public virtual bool TryFloat(int row, ArrayBufferWriter<byte> text, out float value) =>
        float.TryParse(Rendered(row, text), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The cell as the double its text parses to; false for a null or a cell that is no number.</summary>
    public virtual bool TryDouble(int row, ArrayBufferWriter<byte> text, out double value) =>
        double.TryParse(Rendered(row, text), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The cell's text, written into <paramref name="text"/> (emptied first).</summary>
    public ReadOnlySpan<byte> Rendered(int row, ArrayBufferWriter<byte> text)
    {
        text.ResetWrittenCount();
        Write(row, text);
        return text.WrittenSpan;
    }

    /// <summary>
    /// The columns of a Parquet part as qgate reads them: its own flat columns, then its hive
    /// partitions' (a column of the same text in every row); <paramref name="refuse"/> makes the
    /// error for a column qgate does not read.
    /// </summary>
    public static (DataField[] Fields, string[] Columns, ParquetCells[] Cells) OfTable(ParquetSchema schema, string path, Func<string, Exception> refuse)
    {
        var nested = schema.Fields.FirstOrDefault(f => f is not DataField { IsArray: false });
        if (nested is not null)
        {
            throw refuse($"its column '{nested.Name}' is a {nested.SchemaType.ToString().ToLowerInvariant()}; qgate reads flat columns (numbers, booleans, text, times)");
        }

        DataField[] fields = [.. schema.Fields.Cast<DataField>()];
        var partitions = HivePartitions.Of(path);
        return (fields,
            [.. fields.Select(f => f.Name), .. partitions.Select(p => p.Key)],
            [.. fields.Select(f => For(f) ?? throw refuse($"its column '{f.Name}' holds {f.ClrType.Name} values, which qgate does not read")),
                .. partitions.Select(p => new ConstantText(p.Value))]);
    }

    /// <summary>The cells of a flat column, or null when qgate cannot read its type.</summary>
    private static ParquetCells? For(DataField field) => field.ClrType switch
    {
        var t when t == typeof(float) => new Numbers<float>(field),
        var t when t == typeof(double) => new Numbers<double>(field),
        var t when t == typeof(int) => new Numbers<int>(field),
        var t when t == typeof(long) => new Numbers<long>(field),
        var t when t == typeof(short) => new Numbers<short>(field),
        var t when t == typeof(byte) => new Numbers<byte>(field),
        var t when t == typeof(sbyte) => new Numbers<sbyte>(field),
        var t when t == typeof(ushort) => new Numbers<ushort>(field),
        var t when t == typeof(uint) => new Numbers<uint>(field),
        var t when t == typeof(ulong) => new Numbers<ulong>(field),
        var t when t == typeof(decimal) => new Numbers<decimal>(field),
        var t when t == typeof(DateTime) => new Numbers<DateTime>(field, "O"),
        var t when t == typeof(DateOnly) => new Numbers<DateOnly>(field, "yyyy-MM-dd"),
        var t when t == typeof(bool) => new Booleans(field),
        // Parquet.Net types a UTF-8 column as ReadOnlyMemory<char> and reads it as strings too.
        var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => new Texts(field),
        _ => null,
    };

    private static void Fit<T>(ref T[] values, int rows)
    {
        if (values.Length < rows)
        {
            values = new T[rows];
        }
    }

    /// <summary>A text field, quoted as RFC 4180 quotes it when it must be.</summary>
    public static void WriteText(string? text, IBufferWriter<byte> output)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(Encoding.UTF8.GetBytes(text));
            return;
        }

        output.Write("\""u8);
        output.Write(Encoding.UTF8.GetBytes(text.Replace("\"", "\"\"", StringComparison.Ordinal)));
        output.Write("\""u8);
    }

    private sealed class Numbers<T>(DataField field, string? format = null) : ParquetCells
        where T : struct, IUtf8SpanFormattable
    {
        private T[] _values = [];

        // Which rows hold a value, for an optional column: values and a mask take 9 bytes a
        // double where `double?` takes 16 (a row group of 50 optional columns: 55 MB, not 98).
        private bool[] _present = [];

        // Parquet's definition level of each row, read once per column: one buffer per thread.
        [ThreadStatic]
        private static int[]? t_levels;

        public override void Read(ParquetRowGroupReader group, int rows)
        {
            // One array per column for the whole file, grown to the largest row group: a new one
            // per group would leave a large-object garbage array per column and group.
            Fit(ref _values, rows);
            if (!field.IsNullable)
            {
                group.ReadAsync<T>(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
                return;
            }

            Fit(ref _present, rows);
            if (t_levels is null || t_levels.Length < rows)
            {
                t_levels = new int[rows];
            }

            var levels = t_levels;
            group.ReadRawAsync<T>(field, _values.AsMemory(0, rows), levels.AsMemory(0, rows), null).AsTask().GetAwaiter().GetResult();

            // The values come packed, the nulls left out: spread them to their rows, from the
            // last back, so each moves only to a row at or after its place.
            var packed = 0;
            for (var row = 0; row < rows; row++)
            {
                _present[row] = levels[row] == field.MaxDefinitionLevel;
                packed += _present[row] ? 1 : 0;
            }

            for (var row = rows - 1; row >= 0; row--)
            {
                _values[row] = _present[row] ? _values[--packed] : default;
            }
        }

        public override bool IsNumber => format is null;

        /// <summary>The cell's value; false for a null.</summary>
        private bool TryValue(int row, out T value)
        {
            value = _values[row];
            return !field.IsNullable || _present[row];
        }

        public override bool TryFloat(int row, ArrayBufferWriter<byte> text, out float value)
        {
            value = 0;
            return TryValue(row, out var cell) && (ParquetNumbers.TryExactSingle(cell, out value) || base.TryFloat(row, text, out value));
        }

        public override bool TryDouble(int row, ArrayBufferWriter<byte> text, out double value)
        {
            value = 0;
            return TryValue(row, out var cell) && (ParquetNumbers.TryExactDouble(cell, out value) || base.TryDouble(row, text, out value));
        }

        public override void Write(int row, IBufferWriter<byte> output)
        {
            if (!TryValue(row, out var value))
            {
                return;
            }

            var span = output.GetSpan(64);

            // Doubles are most of a wide table's cells; the check on T is folded away by the JIT.
            if (typeof(T) == typeof(double) && ShortDecimal.TryFormat(Unsafe.As<T, double>(ref value), span, out var shortLength))
            {
                output.Advance(shortLength);
                return;
            }

            if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
            {
                span = output.GetSpan(256);
                value.TryFormat(span, out written, format, CultureInfo.InvariantCulture);
            }

            output.Advance(written);
        }
    }

    private sealed class Booleans(DataField field) : ParquetCells
    {
        private bool?[] _values = [];
        private bool[] _required = [];

        public override void Read(ParquetRowGroupReader group, int rows)
        {
            Fit(ref _values, rows);
            if (field.IsNullable)
            {
                group.ReadAsync<bool>(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
                return;
            }

            Fit(ref _required, rows);
            group.ReadAsync<bool>(field, _required.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                _values[i] = _required[i];
            }
        }

        public override void Write(int row, IBufferWriter<byte> output)
        {
            if (_values[row] is { } value)
            {
                output.Write(value ? "true"u8 : "false"u8);
            }
        }
    }

    private sealed class Texts(DataField field) : ParquetCells
    {
        private string?[] _values = [];

        public override void Read(ParquetRowGroupReader group, int rows)
        {
            Fit(ref _values, rows);
            group.ReadAsync(field, _values.AsMemory(0, rows)!).AsTask().GetAwaiter().GetResult();
        }

        public override bool IsText => true;

        public override void Write(int row, IBufferWriter<byte> output) => WriteText(_values[row], output);
    }

    private sealed class ConstantText(string text) : ParquetCells
    {
        public override bool IsText => true;

        public override void Read(ParquetRowGroupReader group, int rows)
        {
        }

        public override void Write(int row, IBufferWriter<byte> output) => WriteText(text, output);
    }
}
