using Microsoft.ML.Data;
using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>Builds the TextLoader columns that every loader the gate makes has: label, id and identity.</summary>
internal static class TextLoaderColumns
{
    public static List<TextLoader.Column> Common(DataFile file, int labelIndex, int? idIndex, IReadOnlyCollection<int> excluded)
    {
        var columns = new List<TextLoader.Column>
        {
            new(HiddenColumns.Label, DataKind.String, labelIndex),
        };
        if (idIndex is { } id)
        {
            columns.Add(new TextLoader.Column(HiddenColumns.Id, DataKind.String, id));
        }
        else
        {
            // Identity is every other column of the row, in file order, read as text and
            // canonicalised when hashed; ranges keep the column list short for wide files.
            var ranges = Ranges(Enumerable.Range(0, file.Columns.Count).Where(i => i != labelIndex && !excluded.Contains(i)));
            if (ranges.Length > 0)
            {
                columns.Add(new TextLoader.Column(HiddenColumns.Features, DataKind.String, ranges));
            }
        }

        return columns;
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

    public static TextLoader.Options Options(DataFile file, IEnumerable<TextLoader.Column> columns) => new()
    {
        Separators = [file.Separator],
        HasHeader = true,
        AllowQuoting = true,
        ReadMultilines = true,
        TrimWhitespace = true,
        Columns = [.. columns],
    };
}
