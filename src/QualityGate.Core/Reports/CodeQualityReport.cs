using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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

    public static byte[] Render(ReportData report)
    {
        var findings = report.Limits.Where(l => l.Verdict != "passed")
            .Select(l => (l.Code, Check: $"{l.DataSet} {l.Metric}", l.Verdict, l.Message, l.File, l.Line))
            .Concat(report.Regression.Where(r => r.Verdict != "passed").Select(r => (r.Code, Check: $"regression {r.Check}", r.Verdict, r.Message, r.File, r.Line)));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var (code, check, verdict, message, file, line) in findings)
            {
                json.WriteStartObject();
                json.WriteString("description", VisibleText.Of($"{check} {(verdict == "failed" ? "broke its limit" : "is inconclusive")}: {message}"));
                json.WriteString("check_name", code);
                json.WriteString("fingerprint", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{code}\n{check}\n{file}\n{line}")))[..32]);
                json.WriteString("severity", verdict == "failed" ? "major" : "minor");
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
