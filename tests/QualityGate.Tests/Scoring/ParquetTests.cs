using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// Parquet as distributed scorers write it, written here by an independent writer (DuckDB): a
/// single file and a folder of hive partitions give the verdicts, metrics and suite the same
/// rows give as CSV; a file that is no Parquet, or is cut short, is refused by name.
/// </summary>
public sealed class ParquetTests
{
    /// <summary>The part of the result a verdict is: every limit with its value, bounds and status, and the regression checks.</summary>
    private static string Verdicts(SampleCopy sample, string reports)
    {
        var json = File.ReadAllText(Path.Combine(sample.Root, reports, "qualitygate-result.json"));
        return json[json.IndexOf("\"limits\"", StringComparison.Ordinal)..json.IndexOf("\"suite\"", StringComparison.Ordinal)];
    }

    private static string[] SuiteIds(SampleCopy sample)
    {
        var lines = File.ReadAllLines(sample.SuitePath);
        var id = Array.IndexOf(lines[0].Split(','), "qg_id");
        return [.. lines.Skip(1).Select(line => line.Split(',')[id]).Order(StringComparer.Ordinal)];
    }

    /// <summary>Blesses and checks (mining) both copies, each on its own file, and requires the same verdicts and the same suite.</summary>
    private static void GatedAlike(SampleCopy csv, SampleCopy parquet)
    {
        foreach (var sample in new[] { csv, parquet })
        {
            // Other bytes on disk: each is blessed on its own file.
            var bless = QgateProcess.Run(sample.Root, "bless");
            Assert.True(bless.ExitCode == ExitCodes.Passed, bless.All);
            var run = QgateProcess.Run(sample.Root, "check", "--update-suite", "--report-dir", "out");
            Assert.True(run.ExitCode == ExitCodes.Passed, run.All);
        }

        Assert.Equal(Verdicts(csv, "out"), Verdicts(parquet, "out"));
        Assert.Equal(SuiteIds(csv), SuiteIds(parquet));
    }

    private static void UseHeldout(SampleCopy sample, string path) =>
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", $"heldout: {path}", StringComparison.Ordinal));

    [Theory]
    [InlineData("zstd")]
    [InlineData("snappy")]
    [InlineData("gzip")]
    public void A_parquet_file_gives_the_verdicts_and_the_mined_suite_of_the_same_rows_as_csv(string compression)
    {
        using var csv = new SampleCopy();
        using var parquet = new SampleCopy();
        // Several row groups, so the file is read across them: DuckDB writes row groups of
        // thousands of rows, so both copies get the held-out rows five times over, the same rows
        // written by DuckDB once as CSV and once as Parquet.
        const string Rows = "SELECT * EXCLUDE (copy) FROM read_csv('~/heldout.csv', header = true), range(5) AS copies(copy)";
        DuckDb.Execute(Path.Combine(csv.Root, "data"), $"COPY ({Rows}) TO '~/heldout5.csv' (HEADER)");
        DuckDb.Execute(Path.Combine(parquet.Root, "data"), $"COPY ({Rows}) TO '~/heldout5.parquet' (FORMAT PARQUET, COMPRESSION {compression}, ROW_GROUP_SIZE 2048)");
        UseHeldout(csv, "data/heldout5.csv");
        UseHeldout(parquet, "data/heldout5.parquet");
        Assert.True(QualityGate.Data.ParquetFiles.ParquetTextStream.RowGroupSizes(Path.Combine(parquet.Root, "data", "heldout5.parquet")).Count > 1, "one row group");
        GatedAlike(csv, parquet);
        Assert.True(SuiteIds(parquet).Length > 107, "the check mined no new items");
    }

    [Fact]
    public void A_folder_of_hive_partitions_is_read_with_its_partition_values_as_columns_and_gated_as_the_same_rows_in_csv()
    {
        // No suite yet: its items will have the partition column the sample's suite has not.
        using var parquet = new SampleCopy(withSuite: false);
        using var csv = new SampleCopy(withSuite: false);
        var data = Path.Combine(parquet.Root, "data");
        // A partition column the scorer wrote by, as Spark's partitionBy does: its values live only in the folders' names.
        // Text with a comma and quotes, and a column with nulls, besides the numbers: rendered and quoted as DuckDB's CSV writes them.
        DuckDb.Execute(data, "COPY (SELECT *, CASE WHEN charExclamation > 0 THEN 'shouty, \"loud\"' ELSE 'calm' END AS tone, CASE WHEN make > 0 THEN make END AS make_or_null, "
            + "CASE WHEN capitalTotal < 50 THEN 'short' ELSE 'long' END AS length FROM read_csv('~/heldout.csv', header = true)) "
            + "TO '~/scored' (FORMAT PARQUET, COMPRESSION snappy, PARTITION_BY (length))");
        // What Spark leaves beside its parts.
        File.WriteAllText(Path.Combine(data, "scored", "_SUCCESS"), string.Empty);
        var firstPart = Directory.EnumerateFiles(Path.Combine(data, "scored"), "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(firstPart)!, $".{Path.GetFileName(firstPart)}.crc"), "crc");

        // The same rows, read back by DuckDB with its hive partitioning, in the parts' order, as CSV.
        // filename and file_row_number are DuckDB's own columns, to order by: they stay out of the CSV.
        DuckDb.Execute(data, "COPY (SELECT * EXCLUDE (filename, file_row_number) FROM read_parquet('~/scored/*/*.parquet', hive_partitioning = true, filename = true, file_row_number = true) "
            + $"ORDER BY filename, file_row_number) TO '{Path.Combine(csv.Root, "data", "scored.csv")}' (HEADER, DELIMITER ',')");
        var header = File.ReadLines(Path.Combine(csv.Root, "data", "scored.csv")).First();
        Assert.EndsWith(",length", header, StringComparison.Ordinal);

        UseHeldout(parquet, "data/scored");
        UseHeldout(csv, "data/scored.csv");
        foreach (var sample in new[] { parquet, csv })
        {
            // The feedback file has no partition column, so its rows could not join this suite.
            sample.EditConfig(yaml => yaml.Replace("  feedback: [data/feedback.csv]\n", string.Empty, StringComparison.Ordinal));
        }

        GatedAlike(csv, parquet);
        // The suite's items carry the partition value as a column, as they would from the CSV.
        Assert.Contains(",length,qg_id,", File.ReadLines(parquet.SuitePath).First(), StringComparison.Ordinal);
        Assert.NotEmpty(SuiteIds(parquet));
    }

    [Fact]
    public void A_file_named_parquet_that_is_none_or_is_cut_short_is_refused_by_name()
    {
        using var sample = new SampleCopy();
        var data = Path.Combine(sample.Root, "data");
        File.Copy(Path.Combine(data, "heldout.csv"), Path.Combine(data, "fake.parquet"));
        UseHeldout(sample, "data/fake.parquet");
        var fake = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, fake.ExitCode);
        Assert.Contains("'data/fake.parquet' is named .parquet but is not a readable Parquet file", fake.StandardError, StringComparison.Ordinal);

        DuckDb.Execute(data, "COPY (SELECT * FROM read_csv('~/heldout.csv', header = true)) TO '~/whole.parquet' (FORMAT PARQUET)");
        var bytes = File.ReadAllBytes(Path.Combine(data, "whole.parquet"));
        File.WriteAllBytes(Path.Combine(data, "cut.parquet"), bytes[..(bytes.Length / 2)]);
        sample.EditConfig(yaml => yaml.Replace("data/fake.parquet", "data/cut.parquet", StringComparison.Ordinal));
        var cut = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, cut.ExitCode);
        Assert.Contains("data/cut.parquet", cut.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_column_is_refused_naming_it_and_a_bad_label_names_the_file_its_row_and_row_group()
    {
        using var sample = new SampleCopy();
        var data = Path.Combine(sample.Root, "data");
        DuckDb.Execute(data, "COPY (SELECT *, [1, 2] AS tags FROM read_csv('~/heldout.csv', header = true)) TO '~/nested.parquet' (FORMAT PARQUET)");
        UseHeldout(sample, "data/nested.parquet");
        var nested = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, nested.ExitCode);
        Assert.Contains("its column 'tags' is a list", nested.StandardError, StringComparison.Ordinal);

        // Row 3,000's label is no label: the error names the file, the row's line in its text (the
        // header is line 1), and the row and row group as Parquet counts them. DuckDB writes row
        // groups of thousands of rows, so the held-out rows are taken five times over.
        DuckDb.Execute(data, "COPY (SELECT CASE WHEN n = 3000 THEN 'maybe' ELSE CAST(Label AS VARCHAR) END AS Label, * EXCLUDE (Label, n, copy) FROM "
            + "(SELECT row_number() OVER () AS n, * FROM read_csv('~/heldout.csv', header = true), range(5) AS copies(copy))) TO '~/labels.parquet' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)");
        var groups = QualityGate.Data.ParquetFiles.ParquetTextStream.RowGroupSizes(Path.Combine(data, "labels.parquet"));
        Assert.True(groups.Count > 1 && groups[0] < 3000 && groups[0] + groups[1] >= 3000, string.Join(", ", groups));
        sample.EditConfig(yaml => yaml.Replace("data/nested.parquet", "data/labels.parquet", StringComparison.Ordinal));
        var label = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, label.ExitCode);
        Assert.Contains("data/labels.parquet(3001): error QG3003", label.StandardError, StringComparison.Ordinal);
        Assert.True(label.StandardError.Contains($"(row 3,000 of the table: row group 2 of {groups.Count}, its row {(3000 - groups[0]).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})", StringComparison.Ordinal), label.StandardError);
    }
}
