using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// What every row must satisfy before its score is trusted: as many fields as the header, and
/// finite numbers in every numeric model input. ML.NET's own loader would quietly read a short
/// row, "abc" or an empty field as NaN, and a model would still produce a score; these checks
/// turn that into an error that names the file, line and column.
/// </summary>
internal sealed class RowChecks
{
    private readonly DataFile _file;
    private readonly RawRow? _raw;
    private readonly ValueGetter<VBuffer<ReadOnlyMemory<char>>>? _rowGetter;
    private readonly List<(NumericInput Input, Func<VBuffer<float>> Read)> _numeric = [];
    private VBuffer<ReadOnlyMemory<char>> _fields;
    private bool _fieldsRead;

    public RowChecks(DataViewRowCursor cursor, DataViewSchema schema, ScoredColumns columns, DataFile file)
    {
        _file = file;
        _raw = columns.Raw;
        if (_raw is not null)
        {
            _rowGetter = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(schema[_raw.Column]);
        }

        foreach (var input in columns.NumericInputs ?? [])
        {
            _numeric.Add((input, FloatReader(cursor, schema[input.Column])));
        }
    }

    public static IEnumerable<DataViewSchema.Column> ColumnsNeeded(DataViewSchema schema, ScoredColumns columns) =>
        (columns.Raw is { } raw ? [schema[raw.Column]] : Array.Empty<DataViewSchema.Column>())
            .Concat((columns.NumericInputs ?? []).Select(input => schema[input.Column]));

    /// <summary>Checks the cursor's current row (0-based data row).</summary>
    public void Check(int row)
    {
        _fieldsRead = false;
        if (_raw is not null)
        {
            var count = Fields().Length;
            if (count != _raw.Header.Count)
            {
                throw new DataException(ErrorCodes.DataRaggedRow,
                    $"Line {row + 2} has {count} fields; the header has {_raw.Header.Count}.",
                    _file.RowLocation(row),
                    "Quote fields that contain the separator, and give every row every column.");
            }
        }

        // ML.NET reads an empty numeric field as 0; a missing value must not pass for a zero.
        if (_raw is not null)
        {
            var fields = Fields();
            foreach (var (input, _) in _numeric)
            {
                for (var slot = 0; slot < input.CsvIndexes.Count; slot++)
                {
                    var index = input.CsvIndexes[slot];
                    if (index < fields.Length && fields[index].Span.IsWhiteSpace())
                    {
                        throw NotANumber(row, input, slot, float.NaN);
                    }
                }
            }
        }

        foreach (var (input, read) in _numeric)
        {
            var values = read();
            var slot = 0;
            foreach (var value in values.DenseValues())
            {
                if (!float.IsFinite(value))
                {
                    throw NotANumber(row, input, slot, value);
                }

                slot++;
            }
        }
    }

    /// <summary>The row's fields, read once per row, for identity hashing.</summary>
    public ReadOnlySpan<ReadOnlyMemory<char>> Fields()
    {
        if (!_fieldsRead)
        {
            _rowGetter!(ref _fields);
            _fieldsRead = true;
        }

        // TextLoader's rows are dense, so the values are the fields without a copy.
        return _fields.IsDense ? _fields.GetValues() : _fields.DenseValues().ToArray();
    }

    private DataException NotANumber(int row, NumericInput input, int slot, float value)
    {
        var csvIndex = slot < input.CsvIndexes.Count ? input.CsvIndexes[slot] : -1;
        var column = csvIndex >= 0 ? _file.Columns[csvIndex] : $"{input.Column}[{slot}]";
        var fields = _raw is null ? [] : Fields();
        var text = csvIndex >= 0 && csvIndex < fields.Length ? fields[csvIndex].ToString().ReplaceLineEndings("\\n") : null;
        var what = text switch
        {
            null => $"is {value}",
            _ when string.IsNullOrWhiteSpace(text) => "is empty",
            _ when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => $"is '{text}', not a finite number",
            _ => $"is '{text}', which is not a number",
        };
        return new DataException(ErrorCodes.DataBadFeature,
            $"Line {row + 2}, column '{column}' {what}; the model needs a finite number there.",
            new Errors.SourceLocation(_file.DisplayPath, row + 2, csvIndex >= 0 ? csvIndex + 1 : 0),
            "Fix or drop the row; impute missing values before gating, as the model will see them in production.");
    }

    private static Func<VBuffer<float>> FloatReader(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var item = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
        var isVector = column.Type is VectorDataViewType;
        if (item == NumberDataViewType.Single && isVector)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> buffer = default;
            return () =>
            {
                getter(ref buffer);
                return buffer;
            };
        }

        if (item == NumberDataViewType.Single)
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            return () =>
            {
                getter(ref value);
                return new VBuffer<float>(1, [value]);
            };
        }

        if (isVector)
        {
            var getter = cursor.GetGetter<VBuffer<double>>(column);
            VBuffer<double> buffer = default;
            return () =>
            {
                getter(ref buffer);
                return new VBuffer<float>(buffer.Length, [.. buffer.DenseValues().Select(d => (float)d)]);
            };
        }

        var scalar = cursor.GetGetter<double>(column);
        double number = 0;
        return () =>
        {
            scalar(ref number);
            return new VBuffer<float>(1, [(float)number]);
        };
    }
}
