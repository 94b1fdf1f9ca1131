using System.Text;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Hostile;

/// <summary>A bad row is named by the line a text editor shows it on, whatever came before it.</summary>
public sealed class LineNumberTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private QgateProcess.Result Check(string data)
    {
        _directory.Write("scored.csv", data);
        _directory.Write("qualitygate.yml", "version: 1\nmodel: { kind: scores }\nlabel: Label\ndata: { heldout: scored.csv }\nthreshold: 0.5\nregion: { width: 0.1 }\n");
        return QgateProcess.Run(_directory.Path, "check");
    }

    private static string Rows(int count, int badAt, Func<int, string> note)
    {
        var text = new StringBuilder("note,Label,Probability\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{note(i)},{(i == badAt ? "maybe" : i % 2 == 0 ? "1" : "0")},0.{i % 9 + 1}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Blank_lines_before_a_bad_row_count()
    {
        // Rows 0-9 are lines 2-11; three blank lines follow; row 10 (the bad one) is on line 15.
        var lines = Rows(20, badAt: 10, _ => "n").Split('\n').ToList();
        lines.InsertRange(11, ["", "", ""]);
        var result = Check(string.Join('\n', lines));
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("scored.csv(15): error QG3003", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_that_span_lines_before_a_bad_row_count()
    {
        // Rows 0-4 each take two lines (a quoted note with a line break): row 5 starts on line 12.
        var result = Check(Rows(20, badAt: 5, i => i < 5 ? "\"first\nsecond\"" : "n"));
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("scored.csv(12): error QG3003", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf32_is_named_as_utf32()
    {
        _directory.Write("qualitygate.yml", "version: 1\nmodel: { kind: scores }\nlabel: Label\ndata: { heldout: scored.csv }\nthreshold: 0.5\nregion: { width: 0.1 }\n");
        File.WriteAllBytes(_directory.File("scored.csv"), [.. new UTF32Encoding(bigEndian: false, byteOrderMark: true).GetPreamble(), .. new UTF32Encoding(false, false).GetBytes(Rows(5, -1, _ => "n"))]);
        var result = QgateProcess.Run(_directory.Path, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("is not UTF-8 (it looks like UTF-32)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("iconv -f UTF-32 -t UTF-8", result.StandardError, StringComparison.Ordinal);
    }
}
