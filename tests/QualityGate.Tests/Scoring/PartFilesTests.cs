using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>A folder of part files (as Spark writes them) is one data set: same verdicts as the single file, errors named by part.</summary>
public sealed class PartFilesTests
{
    internal static void Split(string file, string folder, int parts)
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

        // A part in another format would have been half the data left out without a word.
        var part = Path.Combine(folder, "part-00001.csv");
        Gzip(part, part.Replace(".csv", ".json.gz", StringComparison.Ordinal));
        File.Delete(part);
        var before = Hashes.Of(sample.Root);
        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Matches(@"qualitygate\.yml\(\d+,\d+\): error QG3\d{3}: 'data/heldout-parts/part-00001\.json\.gz' is in the data folder but is no \.csv, \.tsv or \.parquet part: qgate will not decide on part of the data", result.StandardError);
        Assert.Contains("qgate reads gzipped .csv and .tsv parts ('part-0.csv.gz'); decompress anything else first ('gunzip part-00001.json.gz')", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Gate PASSED", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, Hashes.Of(sample.Root));
    }

    [Fact]
    public void Gzipped_parts_and_a_gzipped_file_are_read_as_the_csv_they_hold()
    {
        using var sample = new SampleCopy();
        var plain = Json(QgateProcess.Run(sample.Root, "check"), sample);

        var folder = Path.Combine(sample.Root, "data", "heldout-parts");
        Split(Path.Combine(sample.Root, "data", "heldout.csv"), folder, 2);
        foreach (var part in Directory.GetFiles(folder, "*.csv"))
        {
            Gzip(part, part + ".gz");
            File.Delete(part);
        }

        Gzip(Path.Combine(sample.Root, "data", "heldout.csv"), Path.Combine(sample.Root, "data", "heldout.csv.gz"));
        // The gzipped file holds the very text the baseline was blessed on: no new bless is needed.
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout.csv.gz", StringComparison.Ordinal));
        Assert.Equal(plain, Json(QgateProcess.Run(sample.Root, "check"), sample));

        // A folder of parts is another data set to the baseline, blessed once.
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv.gz", "heldout: data/heldout-parts", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "bless").ExitCode);
        Assert.Equal(plain, Json(QgateProcess.Run(sample.Root, "check"), sample));
    }

    [Fact]
    public void A_file_named_gz_that_is_no_gzip_is_refused_by_name_and_changes_nothing()
    {
        using var sample = new SampleCopy();
        File.Copy(Path.Combine(sample.Root, "data", "heldout.csv"), Path.Combine(sample.Root, "data", "heldout.csv.gz"));
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout.csv.gz", StringComparison.Ordinal));
        var before = Hashes.Of(sample.Root);

        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("'data/heldout.csv.gz' is named .gz but is not gzip data", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Compress it with gzip, or drop the .gz from its name.", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Hashes.Of(sample.Root));
    }

    /// <summary>The held-out set's metrics and verdicts from the JSON result: what must not depend on how the file is stored.</summary>
    private static string Json(QgateProcess.Result result, SampleCopy sample)
    {
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Root, "artifacts", "qualitygate", "qualitygate-result.json")));
        var root = document.RootElement;
        var heldout = root.GetProperty("dataSets")[0];
        return string.Join('\n', root.GetProperty("verdict").GetRawText(), root.GetProperty("limits").GetRawText(),
            heldout.GetProperty("confusion").GetRawText(), heldout.GetProperty("metrics").GetRawText(), heldout.GetProperty("examples").GetRawText());
    }

    private static void Gzip(string source, string target)
    {
        using var gz = new System.IO.Compression.GZipStream(File.Create(target), System.IO.Compression.CompressionLevel.Optimal);
        gz.Write(File.ReadAllBytes(source));
    }
}
