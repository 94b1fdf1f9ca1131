using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Errors;
using QualityGate.Identity;

namespace QualityGate.Scoring;

/// <summary>Typed getters turned into the few shapes the gate needs: a number, a text, an identity contribution.</summary>
internal static class CursorGetters
{
    /// <param name="slot">For a vector column (a score per class), the slot to read; a one-slot vector needs none.</param>
    public static Func<double> Number(DataViewRowCursor cursor, DataViewSchema.Column column, int? slot = null)
    {
        if (column.Type is VectorDataViewType { ItemType: var item } vector && item == NumberDataViewType.Single)
        {
            var index = vector.Size == 1 ? 0 : slot ?? throw new DataException(ErrorCodes.ModelSchemaMismatch, $"Column '{column.Name}' holds {vector.Size} values per row; which is the score?");
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> values = default;
            return () =>
            {
                getter(ref values);
                return index < values.Length ? values.GetItemOrDefault(index) : double.NaN;
            };
        }

        if (column.Type == NumberDataViewType.Double)
        {
            var getter = cursor.GetGetter<double>(column);
            double value = 0;
            return () =>
            {
                getter(ref value);
                return value;
            };
        }

        if (column.Type == NumberDataViewType.Single)
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            return () =>
            {
                getter(ref value);
                return value;
            };
        }

        // A label/probability map per row (scikit-learn's ZipMap through ONNX): the positive class's entry.
        if (column.Type.RawType == typeof(IEnumerable<IDictionary<long, float>>))
        {
            return MapEntry<long>(cursor, column, slot ?? 1);
        }

        if (column.Type.RawType == typeof(IEnumerable<IDictionary<string, float>>))
        {
            return MapEntry(cursor, column, (slot ?? 1).ToString(CultureInfo.InvariantCulture));
        }

        throw new DataException(ErrorCodes.ModelSchemaMismatch, $"Column '{column.Name}' is {column.Type}, not a number.");
    }

    private static Func<double> MapEntry<TKey>(DataViewRowCursor cursor, DataViewSchema.Column column, TKey key)
        where TKey : notnull
    {
        var getter = cursor.GetGetter<IEnumerable<IDictionary<TKey, float>>>(column);
        IEnumerable<IDictionary<TKey, float>> maps = [];
        return () =>
        {
            getter(ref maps);
            var map = maps.FirstOrDefault();
            if (map is null || !map.TryGetValue(key, out var value))
            {
                throw new DataException(ErrorCodes.ModelSchemaMismatch,
                    $"The output '{column.Name}' has no probability for class {key}; its classes are: {string.Join(", ", map?.Keys.Select(k => k.ToString()) ?? [])}.",
                    hint: "Set 'model.positive_class' to the positive class's label.");
            }

            return value;
        };
    }

    /// <summary>A scalar as text, numbers in invariant culture: label values and ids.</summary>
    public static Func<string> Text(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        switch (column.Type.RawType)
        {
            case var t when t == typeof(ReadOnlyMemory<char>):
                var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
                ReadOnlyMemory<char> memory = default;
                return () =>
                {
                    text(ref memory);
                    return memory.ToString();
                };
            case var t when t == typeof(bool):
                var boolean = cursor.GetGetter<bool>(column);
                var flag = false;
                return () =>
                {
                    boolean(ref flag);
                    return flag ? "true" : "false";
                };
            case var t when t == typeof(float) || t == typeof(double):
                var number = Number(cursor, column);
                return () => number().ToString("R", CultureInfo.InvariantCulture);
            case var t when t == typeof(int):
                var integer = cursor.GetGetter<int>(column);
                var whole = 0;
                return () =>
                {
                    integer(ref whole);
                    return whole.ToString(CultureInfo.InvariantCulture);
                };
            default:
                throw new DataException(ErrorCodes.ModelSchemaMismatch, $"Column '{column.Name}' has type {column.Type}, which cannot be read as a label or id.");
        }
    }

    /// <summary>Adds a column's value (scalar or vector) to an identity hash.</summary>
    public static Action<ExampleIdentity> Identity(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        var isVector = column.Type is VectorDataViewType;
        if (item.RawType == typeof(float))
        {
            return isVector ? VectorOf<float>(cursor, column, (id, v) => id.AddNumber(v)) : ScalarOf<float>(cursor, column, (id, v) => id.AddNumber(v));
        }

        if (item.RawType == typeof(double))
        {
            return isVector ? VectorOf<double>(cursor, column, (id, v) => id.AddNumber(v)) : ScalarOf<double>(cursor, column, (id, v) => id.AddNumber(v));
        }

        if (item.RawType == typeof(bool))
        {
            return isVector ? VectorOf<bool>(cursor, column, (id, v) => id.AddBoolean(v)) : ScalarOf<bool>(cursor, column, (id, v) => id.AddBoolean(v));
        }

        if (item.RawType == typeof(ReadOnlyMemory<char>))
        {
            return isVector
                ? VectorOf<ReadOnlyMemory<char>>(cursor, column, (id, v) => id.AddText(v.Span))
                : ScalarOf<ReadOnlyMemory<char>>(cursor, column, (id, v) => id.AddText(v.Span));
        }

        var text = Text(cursor, column);
        return id => id.AddText(text());
    }

    private static Action<ExampleIdentity> ScalarOf<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Action<ExampleIdentity, T> add)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return id =>
        {
            getter(ref value);
            add(id, value);
        };
    }

    private static Action<ExampleIdentity> VectorOf<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Action<ExampleIdentity, T> add)
    {
        var getter = cursor.GetGetter<VBuffer<T>>(column);
        VBuffer<T> buffer = default;
        return id =>
        {
            getter(ref buffer);
            foreach (var value in buffer.DenseValues())
            {
                add(id, value);
            }
        };
    }
}
