using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>Builds the TextLoader columns that every loader the gate makes has: label, id and the raw row.</summary>
internal static class TextLoaderColumns
{
    /// <summary>
    /// The label, the id (when configured) and the whole row as text: a variable-length vector
    /// from the first field to the last, so a row with too few or too many fields shows itself.
    /// </summary>
    public static List<TextLoader.Column> Common(int labelIndex, int? idIndex)
    {
        var columns = new List<TextLoader.Column>
        {
            new(HiddenColumns.Label, DataKind.String, labelIndex),
            new(HiddenColumns.Row, DataKind.String, [new TextLoader.Range(0, null) { VariableEnd = true }]),
        };
        if (idIndex is { } id)
        {
            columns.Add(new TextLoader.Column(HiddenColumns.Id, DataKind.String, id));
        }

        return columns;
    }

    /// <summary>Identity is every other field of the row, in file order; these indexes are left out.</summary>
    public static RawRow Raw(DataFile file, IEnumerable<int> notIdentity) =>
        new(HiddenColumns.Row, file.Columns, notIdentity.ToHashSet());

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

    /// <summary>
    /// A TextLoader for the file. ML.NET reads the first rows to size the raw-row vector and
    /// refuses a ragged file without saying where; the first bad row is then found and named.
    /// </summary>
    public static TextLoader Create(MLContext context, DataFile file, IEnumerable<TextLoader.Column> columns)
    {
        try
        {
            return context.Data.CreateTextLoader(Options(file, columns), new MultiFileSource(file.Path));
        }
        catch (Exception e) when (RaggedRows.IsRaggedError(e))
        {
            throw RaggedRows.Error(file, e);
        }
    }

    private static TextLoader.Options Options(DataFile file, IEnumerable<TextLoader.Column> columns) => new()
    {
        Separators = [file.Separator],
        HasHeader = true,
        AllowQuoting = true,
        ReadMultilines = true,
        TrimWhitespace = true,
        Columns = [.. columns],
    };
}
