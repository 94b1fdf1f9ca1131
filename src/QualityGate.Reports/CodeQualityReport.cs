using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// GitLab's Code Quality report (the Code Climate issue format): one issue per broken or
/// inconclusive limit and check, at its YAML file and line, so a merge request shows it inline.
/// Fingerprints are hashes of the check and its place: the same finding keeps its identity
/// across pipelines, and the same result gives the same bytes.
/// </summary>
public static class CodeQualityReport
{
    public const string FileName = "qualitygate-codequality.json";

    public static byte[] Render(ResultDocument report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var finding in report.Findings)
            {
                var (code, file, line) = (finding.Code, finding.Source.File, finding.Source.Line);
                json.WriteStartObject();
                json.WriteString("description", VisibleText.Of($"{Format.Headline(finding)}: {finding.Message}"));
                json.WriteString("check_name", code);
                json.WriteString("fingerprint", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{code}\n{finding.Subject}\n{file}\n{line}")))[..32]);
                json.WriteString("severity", finding.Verdict == Verdict.Failed ? "major" : "minor");
                json.WriteStartObject("location");
                json.WriteString("path", file);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", Math.Max(1, line));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
