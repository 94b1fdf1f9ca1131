using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// What every row must satisfy before its score is trusted: no more fields than the header, and
/// finite numbers in every numeric model input (empty and missing fields are read as NaN, so a
/// short row or a blank is caught too). ML.NET would quietly read "abc" as NaN, or a blank as 0,
/// and a model would still produce a score. The checks cost a few comparisons per row; only when
/// one fails is the row read again as text, to say exactly what is wrong and where.
/// </summary>
internal sealed class RowChecks
{
    private readonly DataFile _file;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _extra;
    private readonly List<(NumericInput Input, NumericReader Read)> _numeric = [];
    private ReadOnlyMemory<char> _extraValue;

    public RowChecks(DataViewRowCursor cursor, DataViewSchema schema, ScoredColumns columns, DataFile file)
    {
        _file = file;
        if (columns.ExtraFields is { } extra)
        {
            _extra = cursor.GetGetter<ReadOnlyMemory<char>>(schema[extra]);
        }

        foreach (var input in columns.NumericInputs ?? [])
        {
            _numeric.Add((input, new NumericReader(cursor, schema[input.Column])));
        }
    }

    public static IEnumerable<DataViewSchema.Column> ColumnsNeeded(DataViewSchema schema, ScoredColumns columns) =>
        (columns.ExtraFields is { } extra ? [schema[extra]] : Array.Empty<DataViewSchema.Column>())
            .Concat((columns.NumericInputs ?? []).Select(input => schema[input.Column]));

    /// <summary>The numeric reader of a model input, shared with identity hashing so a row is read once.</summary>
    public NumericReader? Numeric(string column) => _numeric.FirstOrDefault(n => n.Input.Column == column).Read;

    /// <summary>Checks the cursor's current row (0-based data row).</summary>
    public void Check(int row)
    {
        if (_extra is not null)
        {
            _extra(ref _extraValue);
            if (!_extraValue.Span.IsWhiteSpace())
            {
                throw RowDiagnosis.Describe(_file, row, null, null);
            }
        }

        foreach (var (input, read) in _numeric)
        {
            var values = read.Read();
            for (var slot = 0; slot < values.Length; slot++)
            {
                if (!float.IsFinite(values[slot]))
                {
                    throw RowDiagnosis.Describe(_file, row, input, slot);
                }
            }
        }
    }
}

/// <summary>A numeric column's values for the current row, read once per row however often they are asked for, without copying.</summary>
internal sealed class NumericReader
{
    private readonly DataViewRowCursor _cursor;
    private readonly Action _read;
    private VBuffer<float> _vector;
    private VBuffer<double> _doubles;
    private float[] _values = new float[1];
    private long _position = -1;
    private readonly bool _isVector;

    public NumericReader(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        _cursor = cursor;
        var item = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
        var isVector = column.Type is VectorDataViewType;
        if (item == NumberDataViewType.Single && isVector)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            _isVector = true;
            _read = () => getter(ref _vector);
        }
        else if (item == NumberDataViewType.Single)
        {
            var getter = cursor.GetGetter<float>(column);
            _read = () => getter(ref _values[0]);
        }
        else if (isVector)
        {
            var getter = cursor.GetGetter<VBuffer<double>>(column);
            _read = () =>
            {
                getter(ref _doubles);
                var dense = _doubles.DenseValues().ToArray();
                _values = [.. dense.Select(d => (float)d)];
            };
        }
        else
        {
            var getter = cursor.GetGetter<double>(column);
            double number = 0;
            _read = () =>
            {
                getter(ref number);
                _values[0] = (float)number;
            };
        }
    }

    public ReadOnlySpan<float> Read()
    {
        if (_cursor.Position != _position)
        {
            _read();
            _position = _cursor.Position;
            if (_isVector && !_vector.IsDense)
            {
                _values = [.. _vector.DenseValues()];
            }
        }

        return _isVector && _vector.IsDense ? _vector.GetValues() : _values;
    }
}
