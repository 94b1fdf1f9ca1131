using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>Finds, after the fact, the first row whose field count differs from the header's.</summary>
internal static class RaggedRows
{
    /// <summary>ML.NET's words for a ragged file; it says no more than that.</summary>
    public static bool IsRaggedError(Exception e) =>
        e is InvalidOperationException or ArgumentException && e.Message.Contains("size of input lines is not consistent", StringComparison.Ordinal);

    public static DataException Error(DataFile file, Exception inner) =>
        Locate(file) ?? new DataException(ErrorCodes.DataRaggedRow, $"'{file.DisplayPath}' has rows of different lengths.", new SourceLocation(file.DisplayPath, 1, 0), inner: inner);

    private static DataException? Locate(DataFile file)
    {
        using var reader = file.ReadRows();
        while (reader.Read() is { } fields)
        {
            if (fields.Count != file.Columns.Count)
            {
                var where = file.Parts.Count == 1 ? file.DisplayPath : $"{file.DisplayPath.TrimEnd('/')}/{Path.GetFileName(reader.Part)}";
                return new DataException(ErrorCodes.DataRaggedRow,
                    $"Line {reader.Line} has {fields.Count} fields; the header has {file.Columns.Count}.",
                    new SourceLocation(where, reader.Line, 0),
                    "Quote fields that contain the separator, and give every row every column.");
            }
        }

        return null;
    }
}
