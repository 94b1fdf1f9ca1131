using System.Text;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>Inputs that look odd but are fine: they must give the same verdict as the plain sample.</summary>
public sealed class AcceptedInputTests
{
    private static string Verdict(SampleCopy sample)
    {
        var result = QgateProcess.Run(sample.Root, "check", "--report-dir", "out");
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        var json = File.ReadAllText(Path.Combine(sample.Root, "out", "qualitygate-result.json"));
        return json[json.IndexOf("\"limits\"", StringComparison.Ordinal)..json.IndexOf("\"regression\"", StringComparison.Ordinal)];
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_and_crlf_line_ends_read_like_the_plain_files()
    {
        using var plain = new SampleCopy();
        using var odd = new SampleCopy();
        foreach (var file in new[] { "qualitygate.yml", "data/heldout.csv", "quality/hard-negatives.csv" })
        {
            var path = Path.Combine(odd.Root, file);
            var text = File.ReadAllText(path).ReplaceLineEndings("\r\n");
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        // The suite's bytes changed, so its hash does; the verdicts and values must not.
        Assert.Equal(Verdict(plain), Verdict(odd));
    }

    [Fact]
    public void A_utf16_config_is_read()
    {
        using var sample = new SampleCopy();
        File.WriteAllText(sample.ConfigPath, File.ReadAllText(sample.ConfigPath), Encoding.Unicode);
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "check", "--report-dir", "out").ExitCode);
    }

    [Fact]
    public void Quoted_fields_with_separators_and_line_breaks_in_a_text_column_are_one_field()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("heldout.csv", "Label,Subject,Probability\n0,\"Hello, world\",0.2\n1,\"two\nlines\",0.9\n0,plain,0.7\n1,\"say \"\"hi\"\"\",0.8\n");
        var config = directory.Write("qualitygate.yml", "version: 1\nmodel: { kind: scores }\nlabel: Label\ndata: { heldout: heldout.csv, suite: suite.csv }\nthreshold: 0.5\nregion: { width: 0.1 }\n");
        var result = QgateProcess.Run(directory.Path, "mine", "-c", config);
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        using var reader = QualityGate.Data.CsvRecordReader.Open(directory.File("suite.csv"), ',');
        _ = reader.Read();
        Assert.Equal("plain", reader.Read()![1]);
    }
}
