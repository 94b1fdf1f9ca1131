using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Suite;

namespace QualityGate.Slices;

/// <summary>Which slice of one slice column each row of a data set is in.</summary>
/// <param name="Names">The slices, <c>column=value</c>, in ordinal order.</param>
/// <param name="Of">Per row, its slice's index in <paramref name="Names"/>.</param>
public sealed record SliceMembership(SliceColumn Column, IReadOnlyList<string> Names, int[] Of)
{
    /// <summary>
    /// The rows of each slice, in row order: one array of every row grouped by slice (counted
    /// first, so it is exactly the rows' size), a segment of it per slice.
    /// </summary>
    public IReadOnlyList<ArraySegment<int>> Rows()
    {
        var starts = new int[Names.Count + 1];
        foreach (var slice in Of)
        {
            starts[slice + 1]++;
        }

        for (var s = 1; s < starts.Length; s++)
        {
            starts[s] += starts[s - 1];
        }

        var grouped = new int[Of.Length];
        var next = starts[..^1];
        for (var row = 0; row < Of.Length; row++)
        {
            grouped[next[Of[row]]++] = row;
        }

        return [.. Names.Select((_, s) => new ArraySegment<int>(grouped, starts[s], starts[s + 1] - starts[s]))];
    }

    /// <summary>
    /// Reads the slice columns of every row of a data file: one text pass over the file, apart from
    /// the model's, for when the scoring pass could not read them (<see cref="SliceSource"/>).
    /// </summary>
    public static IReadOnlyList<SliceMembership> OfFile(DataFile file, IReadOnlyList<SliceColumn> columns)
    {
        var indexes = columns.Select(c => file.Require(c.Column, "slice", c.Location)).ToList();

        // Per row, the index of its raw value; a column has few distinct values, so rows hold ints, not strings.
        var values = columns.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
        var rows = columns.Select(_ => new List<int>()).ToList();
        using (var reader = file.ReadRows())
        {
            while (reader.Read() is { } fields)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = indexes[c] < fields.Count ? fields[indexes[c]] : string.Empty;
                    if (!values[c].TryGetValue(value, out var index))
                    {
                        index = values[c][value] = values[c].Count;
                        if (values[c].Count > MaxRawValues)
                        {
                            throw TooMany(file, columns[c], values[c].Count);
                        }
                    }

                    rows[c].Add(index);
                }
            }
        }

        return [.. columns.Select((column, c) => OfValues(file, column, [.. values[c].OrderBy(p => p.Value).Select(p => p.Key)], [.. rows[c]]))];
    }

    /// <summary>
    /// One column's membership from its distinct raw values (in the order of their indexes) and each
    /// row's value index: the values become slices (a group's name, or the value), in ordinal order.
    /// <paramref name="rowValues"/> is rewritten in place into the rows' slice indexes and kept.
    /// </summary>
    internal static SliceMembership OfValues(DataFile file, SliceColumn column, IReadOnlyList<string> values, int[] rowValues)
    {
        var byIndex = values.Select(column.SliceOf).ToArray();
        var names = byIndex.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count > MaxSlices)
        {
            throw TooMany(file, column, names.Count);
        }

        var position = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var slice = byIndex.Select(name => position[name]).ToArray();
        for (var row = 0; row < rowValues.Length; row++)
        {
            rowValues[row] = slice[rowValues[row]];
        }

        return new SliceMembership(column, names, rowValues);
    }

    /// <summary>Past this many distinct values a column is read no further: groups could not bring it under <see cref="MaxSlices"/> slices.</summary>
    internal const int MaxRawValues = MaxSlices * 4;

    private static DataException TooMany(DataFile file, SliceColumn column, int count) => new(ErrorCodes.ConfigBadValue,
        $"The slice column '{column.Column}' has {(count > MaxRawValues ? "more than " + MaxRawValues.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} distinct values in '{file.DisplayPath}'; at most {MaxSlices:N0} slices are kept apart.",
        column.Location,
        "Slice by a column of categories (a provider, a country), or name groups of values with '{ column, groups }'.");

    /// <summary>More slices than this is a column of ids or numbers, not of segments: each slice would be too small to decide.</summary>
    public const int MaxSlices = 500;

    /// <summary>The suite's active items, in the order of the suite's scored set, by their own fields.</summary>
    public static IReadOnlyList<SliceMembership> OfItems(IReadOnlyList<SuiteItem> items, IReadOnlyList<string> dataColumns, IReadOnlyList<SliceColumn> columns) =>
        [.. columns.Select(column =>
        {
            var index = dataColumns.ToList().IndexOf(column.Column);
            return Assign(column, [.. items.Select(i => index >= 0 && index < i.Fields.Count ? i.Fields[index] : string.Empty)]);
        })];

    private static SliceMembership Assign(SliceColumn column, IReadOnlyList<string> values)
    {
        var slices = values.Select(column.SliceOf).ToArray();
        var names = slices.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        return new SliceMembership(column, names, [.. slices.Select(s => index[s])]);
    }
}
