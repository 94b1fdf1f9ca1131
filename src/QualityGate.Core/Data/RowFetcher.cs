using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>Reads a few rows of a data file back as text, in one sequential read that skips the rest without splitting them.</summary>
public static class RowFetcher
{
    /// <summary>The fields and location of each wanted row (0-based, header excluded).</summary>
    public static Dictionary<int, FetchedRow> Fetch(DataFile file, IEnumerable<int> rows) =>
        Stream(file, rows).ToDictionary(p => p.Row, p => p.Record);

    /// <summary>The wanted rows one at a time, in file order, for callers that keep less than the text.</summary>
    public static IEnumerable<(int Row, FetchedRow Record)> Stream(DataFile file, IEnumerable<int> rows)
    {
        var wanted = rows.ToHashSet();
        using var reader = file.ReadRows();
        for (var row = 0; wanted.Count > 0; row++)
        {
            if (!wanted.Remove(row))
            {
                if (!reader.Skip())
                {
                    break;
                }

                continue;
            }

            if (reader.Read() is not { } record)
            {
                wanted.Add(row);
                break;
            }

            yield return (row, new FetchedRow(record, reader.Location));
        }

        if (wanted.Count > 0)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{file.DisplayPath}' changed while it was being read: row {wanted.Min() + 1} is gone.", new SourceLocation(file.DisplayPath, 0, 0));
        }
    }
}

/// <summary>A row read back as text, and where it is (its part and line, for a folder).</summary>
public sealed record FetchedRow(List<string> Fields, SourceLocation Location);
