using System.CommandLine;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate report</c>: render reports from a saved JSON result, so a CI job can gate once and render later.</summary>
internal static class ReportCommand
{
    public static Option<string?> FormatOption() => new("--format")
    {
        Description = "Report formats, comma-separated: json, junit, markdown, html, codequality (default: reports.formats of the config).",
    };

    public static Command Create()
    {
        var result = new Option<string>("--result") { Description = "The JSON result to render.", Required = true };
        var config = new Option<string?>("--config", "-c") { Description = "Take formats and the report directory from this configuration." };
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Where to write the reports (default: the result's folder)." };
        var formats = FormatOption();
        var command = new Command("report", "Render JUnit XML, Markdown and HTML reports from a saved JSON result.") { result, config, reportDirectory, formats };
        command.SetAction(parsed =>
        {
            var resultPath = parsed.GetValue(result)!;
            if (!File.Exists(resultPath))
            {
                throw new DataException(ErrorCodes.DataFileMissing, $"The result '{resultPath}' does not exist.", new SourceLocation(resultPath, 0, 0), "Run 'qgate check' first.");
            }

            var settings = parsed.GetValue(config) is { } configPath ? ConfigLoader.Load(configPath) : null;
            var chosen = ParseFormats(parsed.GetValue(formats)) ?? settings?.Reports.Formats ?? [ReportFormat.Junit, ReportFormat.Markdown, ReportFormat.Html];
            var directory = parsed.GetValue(reportDirectory) ?? settings?.Reports.Directory ?? Path.GetDirectoryName(Path.GetFullPath(resultPath))!;
            QualityGate.Storage.InputFile.RequireRegular(resultPath, resultPath, "result", new SourceLocation(resultPath, 0, 0));
            var document = ResultJson.Read(File.ReadAllBytes(resultPath), resultPath);

            // Rendering the result into its own folder must not rewrite it.
            var sameFile = Path.GetFullPath(Path.Combine(directory, ReportWriter.ResultFileName)) == Path.GetFullPath(resultPath);
            var written = ReportWriter.Write(document, directory, [.. chosen.Where(f => !(sameFile && f == ReportFormat.Json))]);
            foreach (var file in written)
            {
                Console.WriteLine($"Wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    public static IReadOnlyList<ReportFormat>? ParseFormats(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return null;
        }

        var known = Enum.GetValues<ReportFormat>().ToDictionary(f => f.ToString().ToLowerInvariant(), f => f);
        return [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(name =>
            known.TryGetValue(name.ToLowerInvariant(), out var format)
                ? format
                : throw new ConfigurationException(ErrorCodes.Usage, $"Unknown report format '{name}'.", hint: $"Use {string.Join(", ", known.Keys)}."))];
    }
}
