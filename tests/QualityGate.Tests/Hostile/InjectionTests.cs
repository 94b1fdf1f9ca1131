using System.Globalization;
using System.Text;
using System.Xml;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Hostile;

/// <summary>
/// Values from data (ids, slice values) carry table pipes, backticks and terminal escape
/// sequences: every surface shows them as text, none breaks, and the terminal gets no escape.
/// </summary>
public sealed class InjectionTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Setup()
    {
        var random = new Random(3);
        var text = new StringBuilder("id,provider,x,Label,Probability\n");
        for (var i = 0; i < 600; i++)
        {
            // The evil ids are the hardest negatives, so every report lists them first.
            var evil = i % 50 == 1;
            var positive = !evil && i % 3 == 0;
            var score = evil ? 0.74 : Math.Clamp((positive ? 0.7 : 0.3) + ((random.NextDouble() - 0.5) * 0.6), 0.001, 0.999);
            var id = evil ? $"\"evil|{i}`{Escape}[2J\"" : $"row{i}";
            var provider = i % 2 == 0 ? "plain" : $"\"clear{Escape}[2Jscreen\"";
            text.Append(CultureInfo.InvariantCulture, $"{id},{provider},{i},{(positive ? 1 : 0)},{score:R}\n");
        }

        File.WriteAllText(_directory.File("heldout.csv"), text.ToString());
        return _directory.Write("qualitygate.yml", """
            version: 1
            model: { kind: scores }
            label: Label
            id: id
            data:
              heldout: heldout.csv
              suite: suite.csv
              suite_scores: suite-scores.csv
            threshold: 0.5
            region: { width: 0.1 }
            limits:
              heldout:
                fpr: { max: 0.5 }
            slices:
              columns: [provider]
              min_size: 10
              limits:
                heldout:
                  fpr: { max: 0.5 }
            mining: { margin: 0.2, max_new: 200, max_size: 1000, suspect_above: 0.75 }
            reports:
              directory: out
              formats: [json, junit, markdown, html]
            """);
    }

    [Fact]
    public void Pipes_backticks_and_escape_sequences_in_values_are_shown_as_text_everywhere()
    {
        var config = Setup();
        var mine = QgateProcess.Run(_directory.Path, "check", "--update-suite", "-c", config);
        Assert.True(mine.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, mine.All);
        Assert.Contains("evil|", File.ReadAllText(_directory.File("suite.csv")), StringComparison.Ordinal);

        // The added items, evil ids among them, are listed in the Markdown summary.
        var markdown = File.ReadAllText(_directory.File("out/qualitygate-summary.md"));
        Assert.DoesNotContain(Escape, markdown);
        var itemRows = markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Contains(itemRows, r => r.Contains("evil\\|", StringComparison.Ordinal));
        foreach (var row in itemRows)
        {
            // An item row has five cells: six unescaped pipes, and one code span, whatever its id holds.
            Assert.Equal(6, UnescapedPipes(row));
            Assert.Equal(2, row.Count(c => c == '`'));
        }

        // The candidate's suite scores: the items' own scores.
        var suite = File.ReadAllLines(_directory.File("suite.csv"));
        using (var reader = QualityGate.Data.CsvRecordReader.Open(_directory.File("suite.csv"), ','))
        {
            var header = reader.Read()!;
            var lines = new StringBuilder("qg_id,Probability\n");
            while (reader.Read() is { } fields)
            {
                lines.Append(QualityGate.Data.CsvRecordReader.Line([fields[header.IndexOf("qg_id")], fields[header.IndexOf("Probability")]], ',')).Append('\n');
            }

            File.WriteAllText(_directory.File("suite-scores.csv"), lines.ToString());
        }

        var check = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.True(check.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, check.All);
        var list = QgateProcess.Run(_directory.Path, "suite", "list", "--all", "-c", config);
        Assert.Equal(ExitCodes.Passed, list.ExitCode);
        foreach (var output in new[] { mine, check, list })
        {
            // Redirected output has no colours of qgate's own, and none of the data's escapes.
            Assert.DoesNotContain(Escape, output.StandardOutput);
            Assert.DoesNotContain(Escape, output.StandardError);
        }

        Assert.Contains("evil|", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\u241b[2J", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("clear\u241b[2Jscreen", check.StandardOutput, StringComparison.Ordinal);

        // Every report of this run was written, and each is well formed.
        var junit = new XmlDocument();
        junit.Load(_directory.File("out/qualitygate-junit.xml"));
        Assert.True(junit.SelectSingleNode("//testsuite[contains(@name, 'clear\u241b[2Jscreen')]") is not null, junit.OuterXml);
        Assert.DoesNotContain(Escape, File.ReadAllText(_directory.File("out/qualitygate-summary.md")));
        Assert.True(File.Exists(_directory.File("out/qualitygate-report.html")));
        Assert.DoesNotContain(Escape, File.ReadAllText(_directory.File("out/qualitygate-report.html")).Replace("&#27;", string.Empty, StringComparison.Ordinal));
    }

    private static int UnescapedPipes(string row) => row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();
}
