using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>Reads a few rows of a data file back as text, in one sequential read that skips the rest without splitting them.</summary>
public static class RowFetcher
{
    /// <summary>The fields and location of each wanted row (0-based, header excluded).</summary>
    public static Dictionary<int, FetchedRow> Fetch(DataFile file, IEnumerable<int> rows)
    {
        var wanted = rows.ToHashSet();
        var fields = new Dictionary<int, FetchedRow>();
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

            fields[row] = new FetchedRow(record, reader.Location);
        }

        if (wanted.Count > 0)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{file.DisplayPath}' changed while it was being read: row {wanted.Min() + 1} is gone.", new SourceLocation(file.DisplayPath, 0, 0));
        }

        return fields;
    }
}

/// <summary>A row read back as text, and where it is (its part and line, for a folder).</summary>
public sealed record FetchedRow(List<string> Fields, SourceLocation Location);
