using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>Builds the TextLoader columns that every loader the gate makes has: label, id and the raw row.</summary>
internal static class TextLoaderColumns
{
    /// <summary>
    /// The label, the id (when configured), and a sentinel one field past the header's last, which
    /// is empty unless the row has too many fields.
    /// </summary>
    public static List<TextLoader.Column> Common(DataFile file, int labelIndex, int? idIndex)
    {
        var columns = new List<TextLoader.Column>
        {
            new(HiddenColumns.Label, DataKind.String, labelIndex),
            new(HiddenColumns.Extra, DataKind.String, file.Columns.Count),
        };
        if (idIndex is { } id)
        {
            columns.Add(new TextLoader.Column(HiddenColumns.Id, DataKind.String, id));
        }

        return columns;
    }

    /// <summary>
    /// Plans an example's identity: every field but the excluded ones, in file order. Fields a
    /// numeric model input already parses are hashed from those numbers (canonicalised exactly as
    /// their text would be); the rest are loaded once more as text, in <see cref="HiddenColumns.Other"/>.
    /// </summary>
    public static (List<IdentitySource> Plan, TextLoader.Column? OtherText) Identity(DataFile file, IReadOnlySet<int> excluded, IReadOnlyList<(string Column, IReadOnlyList<int> CsvIndexes)> numeric)
    {
        var parsed = new Dictionary<int, IdentitySource>();
        foreach (var (column, indexes) in numeric)
        {
            for (var slot = 0; slot < indexes.Count; slot++)
            {
                parsed.TryAdd(indexes[slot], new IdentitySource(column, slot, indexes[slot]));
            }
        }

        var plan = new List<IdentitySource>();
        var other = new List<int>();
        for (var index = 0; index < file.Columns.Count; index++)
        {
            if (excluded.Contains(index))
            {
                continue;
            }

            if (parsed.TryGetValue(index, out var source))
            {
                plan.Add(source);
            }
            else
            {
                plan.Add(new IdentitySource(HiddenColumns.Other, other.Count, index));
                other.Add(index);
            }
        }

        return (plan, other.Count == 0 ? null : new TextLoader.Column(HiddenColumns.Other, DataKind.String, Ranges(other)));
    }

    /// <summary>Contiguous runs of column indexes as TextLoader ranges, in the given order.</summary>
    public static TextLoader.Range[] Ranges(IEnumerable<int> indexes)
    {
        var ranges = new List<TextLoader.Range>();
        int? start = null, previous = null;
        foreach (var index in indexes)
        {
            if (previous is { } p && index == p + 1)
            {
                previous = index;
                continue;
            }

            if (start is { } s)
            {
                ranges.Add(new TextLoader.Range(s, previous!.Value));
            }

            start = previous = index;
        }

        if (start is { } last)
        {
            ranges.Add(new TextLoader.Range(last, previous!.Value));
        }

        return [.. ranges];
    }

    /// <summary>The file (or its parts) read with a TextLoader of these columns.</summary>
    public static IDataView Load(MLContext context, DataFile file, IEnumerable<TextLoader.Column> columns)
    {
        var parts = FileContent.Source(file.Parts);
        return context.Data.CreateTextLoader(Options(file, columns)).Load(parts);
    }

    private static TextLoader.Options Options(DataFile file, IEnumerable<TextLoader.Column> columns) => new()
    {
        Separators = [file.Separator],
        HasHeader = true,
        AllowQuoting = true,
        ReadMultilines = true,
        // An empty numeric field is a missing value, not a zero: NaN, which the row checks refuse.
        MissingRealsAsNaNs = true,
        TrimWhitespace = true,
        Columns = [.. columns],
    };
}
