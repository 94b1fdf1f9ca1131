using System.Globalization;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// Explains a row that failed a check, by reading that one row again as text: a field count that
/// differs from the header's, or the exact text of a field that is no finite number.
/// </summary>
internal static class RowDiagnosis
{
    public static DataException Describe(DataFile file, int row, NumericInput? input, int? slot)
    {
        var fields = ReadRow(file, row);
        var location = file.RowLocation(row);
        var line = location.Line;
        if (fields is null || fields.Count != file.Columns.Count)
        {
            return new DataException(ErrorCodes.DataRaggedRow,
                $"Line {line} has {fields?.Count ?? 0} fields; the header has {file.Columns.Count}.",
                location,
                "Quote fields that contain the separator, and give every row every column.");
        }

        var csvIndex = input is not null && slot is { } s && s < input.CsvIndexes.Count ? input.CsvIndexes[s] : -1;
        var column = csvIndex >= 0 ? file.Columns[csvIndex] : $"{input?.Column}[{slot}]";
        var text = csvIndex >= 0 ? fields[csvIndex].ReplaceLineEndings("\\n") : null;
        var what = text switch
        {
            null => "is not a finite number",
            _ when string.IsNullOrWhiteSpace(text) => "is empty",
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => $"is '{text}', not a finite number",
            _ => $"is '{text}', which is not a number",
        };
        return new DataException(ErrorCodes.DataBadFeature,
            $"Line {line}, column '{column}' {what}; the model needs a finite number there.",
            location with { Column = csvIndex >= 0 ? csvIndex + 1 : 0 },
            "Fix or drop the row; impute missing values before gating, as the model will see them in production.");
    }

    private static List<string>? ReadRow(DataFile file, int row)
    {
        using var reader = file.ReadRows();
        for (var index = 0; index < row; index++)
        {
            if (!reader.Skip())
            {
                return null;
            }
        }

        return reader.Read();
    }
}
