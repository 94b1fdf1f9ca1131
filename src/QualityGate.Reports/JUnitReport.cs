using System.Text;
using System.Xml;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// JUnit XML: one test case per limit and per regression check, grouped in test suites per data
/// set (and one for the regression checks), so CI systems list them in their test tabs. A broken
/// check is a failure carrying value, bounds, limit and evidence; an inconclusive one is skipped
/// with the reason. Every case, passed ones too, carries its YAML file and line (attributes) and
/// its value, bounds, limit and decision (system-out). No timestamps: the same result gives the
/// same bytes, so every time is 0.
/// </summary>
public static class JUnitReport
{
    public const string FileName = "qualitygate-junit.xml";

    public static byte[] Render(ResultDocument report)
    {
        var cases = Cases(report);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", Xml($"QualityGate {report.Config}"));
            WriteCounts(xml, cases.Select(c => c.Verdict).ToList());
            foreach (var group in cases.GroupBy(c => c.Suite))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Xml(group.Key));
                WriteCounts(xml, group.Select(c => c.Verdict).ToList());
                foreach (var test in group)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", Xml(test.Name));
                    xml.WriteAttributeString("classname", Xml($"qualitygate.{group.Key}"));
                    xml.WriteAttributeString("time", "0");
                    xml.WriteAttributeString("file", Xml(test.File));
                    xml.WriteAttributeString("line", test.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (test.Verdict == Verdict.Failed)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", Xml(test.Message));
                        xml.WriteAttributeString("type", Xml(test.Code));
                        xml.WriteString(Xml(test.Detail));
                        xml.WriteEndElement();
                    }
                    else if (test.Verdict == Verdict.Inconclusive)
                    {
                        xml.WriteStartElement("skipped");
                        xml.WriteAttributeString("message", Xml($"inconclusive: {test.Message}"));
                        xml.WriteEndElement();
                    }

                    xml.WriteElementString("system-out", Xml($"{test.Detail}\n{test.Message}"));

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>One case per limit (in a suite per data set) and per regression check, each with its place in the YAML and its numbers.</summary>
    private static List<(string Suite, string Name, Verdict Verdict, string Code, string Message, string File, int Line, string Detail)> Cases(ResultDocument report) =>
        [.. report.Limits
            .Select(l => (Suite: l.DataSet, Name: $"{l.Metric} {Format.Limit(l)}", l.Verdict, l.Code, l.Message, l.Source.File, l.Source.Line,
                Detail: $"{l.Metric} = {Format.Number(l.Value?.Value)} {Format.Counts(l.Value)} bounds {Format.Bounds(l.Value)}, {Format.Limit(l)}, evidence {l.Evidence}; {Where(l.Source)}"))
            .Concat(report.Regression.Checks.Select(r => (Suite: "regression", Name: $"{r.Check} {Format.Allowed(r)}", r.Verdict, r.Code, r.Message, r.Source.File, r.Source.Line,
                Detail: $"{r.Check}: baseline {Format.Number(r.BaselineValue)}, candidate {Format.Number(r.CandidateValue)}, change {Format.Number(r.Change)} [{Format.Number(r.ChangeLower)}, {Format.Number(r.ChangeUpper)}], allowed {Format.Number(r.Allowed)}, evidence {r.Evidence}; {Where(r.Source)}")))];

    private static void WriteCounts(XmlWriter xml, List<Verdict> verdicts)
    {
        xml.WriteAttributeString("tests", verdicts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", verdicts.Count(v => v == Verdict.Failed).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", verdicts.Count(v => v == Verdict.Inconclusive).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", "0");
    }

    private static string Where(SourceLine source) => $"{source.File}({source.Line},{source.Column})";

    /// <summary>
    /// Text from data as XML 1.0 can hold it: a character XML forbids (ESC, NUL and the other
    /// controls) is written as its Unicode control picture instead of failing the whole report.
    /// </summary>
    private static string Xml(string text) => VisibleText.Of(text);
}
