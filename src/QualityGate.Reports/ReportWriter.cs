using QualityGate.Configuration;
using QualityGate.Results;
using QualityGate.Storage;

namespace QualityGate.Reports;

/// <summary>Renders the chosen formats from a JSON result into the report directory, and nowhere else.</summary>
public static class ReportWriter
{
    public const string ResultFileName = "qualitygate-result.json";

    /// <summary>
    /// Every format is rendered before any file is written, so a run's reports are all of this
    /// run or none of them: a result a renderer cannot handle leaves the previous run's files as
    /// they were, instead of a new JSON beside an old HTML page.
    /// </summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(ResultDocument report, string directory, IReadOnlyCollection<ReportFormat> formats)
    {
        var full = Path.GetFullPath(directory);
        var rendered = formats.Distinct().Select(format => format switch
        {
            // The JSON is streamed to its file; the other formats are small beside it.
            ReportFormat.Json => (ResultFileName, stream => ResultJson.Write(stream, report)),
            ReportFormat.Junit => Rendered(JUnitReport.FileName, JUnitReport.Render(report)),
            ReportFormat.Markdown => Rendered(MarkdownReport.FileName, MarkdownReport.Render(report)),
            ReportFormat.Codequality => Rendered(CodeQualityReport.FileName, CodeQualityReport.Render(report)),
            _ => Rendered(HtmlReport.FileName, HtmlReport.Render(report)),
        }).ToList();
        return [.. rendered.Select(r => WriteFile(full, r.Name, r.Write))];
    }

    private static (string Name, Action<Stream> Write) Rendered(string name, byte[] content) => (name, stream => stream.Write(content));

    private static string WriteFile(string directory, string name, Action<Stream> write)
    {
        // Names are fixed here, so nothing a config or data file says can place a report outside the directory.
        var path = Path.Combine(directory, name);
        AtomicFile.Write(path, write);
        return path;
    }
}
