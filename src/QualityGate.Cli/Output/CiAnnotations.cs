using QualityGate.Errors;

namespace QualityGate.Cli.Output;

/// <summary>
/// Findings as the CI system running qgate shows them on the pull request: GitHub Actions'
/// workflow commands (<c>::error file=,line=,col=::</c>) when <c>GITHUB_ACTIONS=true</c>, Azure
/// Pipelines' logging commands (<c>##vso[task.logissue …]</c>) when <c>TF_BUILD=True</c>. The
/// canonical <c>file(line,col): error CODE: message</c> line is written as well, for everything else.
/// </summary>
internal static class CiAnnotations
{
    public static bool GitHub => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    public static bool Azure => string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The annotation line for a finding, or null outside a CI system that has them.</summary>
    public static string? For(SourceLocation where, bool isError, string code, string message)
    {
        var file = where.File.Replace('\\', '/');
        if (GitHub)
        {
            var position = where.Line > 0 ? $",line={where.Line}{(where.Column > 0 ? $",col={where.Column}" : string.Empty)}" : string.Empty;
            return $"::{(isError ? "error" : "warning")} file={Property(file)}{position},title={Property(code)}::{Data(message)}";
        }

        if (Azure)
        {
            var position = where.Line > 0 ? $";linenumber={where.Line}{(where.Column > 0 ? $";columnnumber={where.Column}" : string.Empty)}" : string.Empty;
            return $"##vso[task.logissue type={(isError ? "error" : "warning")};sourcepath={Logging(file)}{position};code={code}]{Logging(message)}";
        }

        return null;
    }

    /// <summary>Appends the Markdown summary to the job's summary page (GitHub's <c>GITHUB_STEP_SUMMARY</c>), when there is one.</summary>
    public static void AppendJobSummary(byte[] markdown)
    {
        if (GitHub && Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } path)
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(markdown);
            stream.WriteByte((byte)'\n');
        }
    }

    // GitHub's escaping: % and line breaks in the message; also : and , in properties.
    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    // Azure's logging commands end at ']' and ';' separates properties.
    private static string Logging(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal);
}
