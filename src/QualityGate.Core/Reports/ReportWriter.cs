using QualityGate.Configuration;
using QualityGate.Storage;

namespace QualityGate.Reports;

/// <summary>Renders the chosen formats from a JSON result into the report directory, and nowhere else.</summary>
public static class ReportWriter
{
    public const string ResultFileName = "qualitygate-result.json";

    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(byte[] resultJson, string directory, IReadOnlyCollection<ReportFormat> formats, string resultDisplayPath)
    {
        var written = new List<string>();
        var full = Path.GetFullPath(directory);
        if (formats.Contains(ReportFormat.Json))
        {
            written.Add(WriteFile(full, ResultFileName, resultJson));
        }

        var others = formats.Where(f => f != ReportFormat.Json).ToList();
        if (others.Count == 0)
        {
            return written;
        }

        var report = ReportData.Parse(resultJson, resultDisplayPath);
        foreach (var format in others)
        {
            written.Add(format switch
            {
                ReportFormat.Junit => WriteFile(full, JUnitReport.FileName, JUnitReport.Render(report)),
                ReportFormat.Markdown => WriteFile(full, MarkdownReport.FileName, MarkdownReport.Render(report)),
                _ => WriteFile(full, HtmlReport.FileName, HtmlReport.Render(report)),
            });
        }

        return written;
    }

    private static string WriteFile(string directory, string name, byte[] content)
    {
        // Names are fixed here, so nothing a config or data file says can place a report outside the directory.
        var path = Path.Combine(directory, name);
        AtomicFile.Write(path, content);
        return path;
    }
}
