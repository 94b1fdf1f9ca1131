using System.Globalization;
using System.Text;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Suite;

/// <summary>
/// Reads and renders the suite CSV: the data columns, then <see cref="SuiteColumns.All"/>, one row
/// per item, sorted by id, LF line endings, UTF-8 without BOM. Rendering the same document always
/// gives the same bytes, so a pull request shows exactly the items that changed.
/// </summary>
public static class SuiteFile
{
    /// <param name="labelColumn">The data's label column; each item's class is read from it.</param>
    public static SuiteDocument Read(string path, string displayPath, char separator, string labelColumn, LabelMatcher labels)
    {
        using var reader = CsvRecordReader.Open(path, separator);
        var header = reader.Read() ?? throw new DataException(ErrorCodes.DataEmpty, $"The suite '{displayPath}' is empty; delete it or let 'qgate mine' write it.", new SourceLocation(displayPath, 1, 0));
        var metadataStart = header.Count - SuiteColumns.All.Count;
        if (metadataStart < 1 || !header.Skip(metadataStart).SequenceEqual(SuiteColumns.All))
        {
            throw new DataException(ErrorCodes.SuiteInvalid, $"The suite '{displayPath}' does not end with the columns {string.Join(", ", SuiteColumns.All)}.", new SourceLocation(displayPath, 1, 0),
                "A suite is written by 'qgate mine'; restore it from version control.");
        }

        var dataColumns = header.Take(metadataStart).ToList();
        var items = new List<SuiteItem>();
        var fileOrder = new List<(string Id, int Line)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelIndex = dataColumns.IndexOf(labelColumn);
        if (labelIndex < 0)
        {
            throw new DataException(ErrorCodes.SuiteInvalid, $"The suite '{displayPath}' has no label column '{labelColumn}'.", new SourceLocation(displayPath, 1, 0));
        }

        while (reader.Read() is { } fields)
        {
            var line = reader.RecordLine;
            var where = new SourceLocation(displayPath, line, 0);
            if (fields.Count != header.Count)
            {
                throw new DataException(ErrorCodes.SuiteInvalid, $"Suite line {line} has {fields.Count} fields; the header has {header.Count}.", where);
            }

            var id = fields[metadataStart];
            if (seen.TryGetValue(id, out var firstLine))
            {
                throw new DataException(ErrorCodes.SuiteInvalid, $"Suite line {line} repeats id {id} from line {firstLine}.", where, "Each example is in the suite once; remove one of the two rows.");
            }

            seen[id] = line;
            fileOrder.Add((id, line));
            var statusText = fields[metadataStart + 1];
            var pinned = string.Equals(statusText, SuiteColumns.Pinned, StringComparison.OrdinalIgnoreCase);
            var status = SuiteStatus.Active;
            if (!pinned && (!Enum.TryParse(statusText, ignoreCase: true, out status) || !Enum.IsDefined(status) || statusText.Any(char.IsDigit)))
            {
                throw new DataException(ErrorCodes.SuiteInvalid, $"Suite line {line} has status '{statusText}'; use active, pinned, quarantined or rejected.", where);
            }

            if (!double.TryParse(fields[metadataStart + 2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new DataException(ErrorCodes.SuiteInvalid, $"Suite line {line} has score '{fields[metadataStart + 2]}', which is not a number.", where);
            }

            var data = fields.Take(metadataStart).ToList();
            var positive = labels.Classify(data[labelIndex]) ?? throw new DataException(ErrorCodes.DataBadLabel,
                $"Suite line {line} has label '{data[labelIndex]}', which is neither positive nor negative.", where);
            items.Add(new SuiteItem(id, status, positive, score, fields[metadataStart + 3], fields[metadataStart + 4], fields[metadataStart + 5], fields[metadataStart + 6], data, pinned));
        }

        return new SuiteDocument(dataColumns, [.. items.OrderBy(i => i.Id, StringComparer.Ordinal)]) { FileOrder = fileOrder };
    }

    public static byte[] Render(SuiteDocument document, char separator)
    {
        var text = new StringBuilder();
        AppendRow(text, document.DataColumns.Concat(SuiteColumns.All), separator);
        foreach (var item in document.Items.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            AppendRow(text, item.Fields.Concat(
            [
                item.Id,
                item.StatusName,
                item.ScoreWhenMined.ToString("R", CultureInfo.InvariantCulture),
                item.Model,
                item.Mined,
                item.Source,
                item.Reason,
            ]), separator);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> fields, char separator)
    {
        text.AppendJoin(separator, fields.Select(f => CsvRecordReader.Quote(f, separator)));
        text.Append('\n');
    }
}
