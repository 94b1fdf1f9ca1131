using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>A folder of part files (as Spark writes them) is one data set: same verdicts as the single file, errors named by part.</summary>
public sealed class PartFilesTests
{
    private static void Split(string file, string folder, int parts)
    {
        var lines = File.ReadAllLines(file);
        Directory.CreateDirectory(folder);
        var rows = lines.Skip(1).ToList();
        var size = (rows.Count + parts - 1) / parts;
        for (var p = 0; p < parts; p++)
        {
            File.WriteAllLines(Path.Combine(folder, $"part-{p:D5}.csv"), [lines[0], .. rows.Skip(p * size).Take(size)]);
        }
    }

    private static string Limits(SampleCopy sample, string reports)
    {
        var json = File.ReadAllText(Path.Combine(sample.Root, reports, "qualitygate-result.json"));
        return json[json.IndexOf("\"limits\"", StringComparison.Ordinal)..json.IndexOf("\"suite\"", StringComparison.Ordinal)];
    }

    [Fact]
    public void A_folder_of_parts_gives_the_verdicts_of_the_single_file()
    {
        using var sample = new SampleCopy();
        Split(Path.Combine(sample.Root, "data", "heldout.csv"), Path.Combine(sample.Root, "data", "heldout-parts"), 3);
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "check", "--report-dir", "single").ExitCode);

        // Other bytes on disk: the baseline's held-out hash must be blessed anew.
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout-parts", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "bless").ExitCode);
        var parts = QgateProcess.Run(sample.Root, "check", "--report-dir", "parts");
        Assert.True(parts.ExitCode == ExitCodes.Passed, parts.All);
        Assert.Equal(Limits(sample, "single"), Limits(sample, "parts"));
    }

    [Fact]
    public void A_bad_row_in_a_part_is_named_by_part_and_line()
    {
        using var sample = new SampleCopy();
        var folder = Path.Combine(sample.Root, "data", "heldout-parts");
        Split(Path.Combine(sample.Root, "data", "heldout.csv"), folder, 3);
        var second = Path.Combine(folder, "part-00001.csv");
        var lines = File.ReadAllLines(second);
        lines[4] = "maybe" + lines[4][1..];
        File.WriteAllLines(second, lines);
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout-parts", StringComparison.Ordinal));

        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("data/heldout-parts/part-00001.csv(5): error QG3003", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_with_different_headers_are_refused()
    {
        using var sample = new SampleCopy();
        var folder = Path.Combine(sample.Root, "data", "heldout-parts");
        Split(Path.Combine(sample.Root, "data", "heldout.csv"), folder, 2);
        var second = Path.Combine(folder, "part-00001.csv");
        var lines = File.ReadAllLines(second);
        lines[0] = lines[0].Replace("make", "maker", StringComparison.Ordinal);
        File.WriteAllLines(second, lines);
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout-parts", StringComparison.Ordinal));

        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("data/heldout-parts/part-00001.csv(1): error QG3002: The part", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_qgate_cannot_read_is_refused_never_skipped_and_writers_markers_are_ignored()
    {
        using var sample = new SampleCopy();
        var folder = Path.Combine(sample.Root, "data", "heldout-parts");
        Split(Path.Combine(sample.Root, "data", "heldout.csv"), folder, 2);
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout-parts", StringComparison.Ordinal));

        // What Spark leaves beside its parts is no data.
        File.WriteAllText(Path.Combine(folder, "_SUCCESS"), string.Empty);
        File.WriteAllText(Path.Combine(folder, ".part-00000.csv.crc"), "crc");
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "bless").ExitCode);

        // A compressed part would have been half the data left out without a word.
        var part = Path.Combine(folder, "part-00001.csv");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(part + ".gz"), System.IO.Compression.CompressionLevel.Optimal))
        {
            gz.Write(File.ReadAllBytes(part));
        }

        File.Delete(part);
        var before = Hashes.Of(sample.Root);
        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Matches(@"qualitygate\.yml\(\d+,\d+\): error QG3\d{3}: 'data/heldout-parts/part-00001\.csv\.gz' is in the data folder but is no \.csv or \.tsv part: qgate will not decide on part of the data", result.StandardError);
        Assert.Contains("gunzip part-00001.csv.gz", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Gate PASSED", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, Hashes.Of(sample.Root));
    }
}
