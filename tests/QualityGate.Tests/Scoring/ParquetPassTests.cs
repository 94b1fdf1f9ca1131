using System.Globalization;
using CsCheck;
using Microsoft.ML;
using QualityGate.Configuration;
using QualityGate.Data.ParquetFiles;
using QualityGate.Gate;
using QualityGate.Scoring;
using QualityGate.Scoring.FastPath;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// The fast pass reads a Parquet file from its decoded columns, never as text: every row must
/// score, label and identify exactly as ML.NET's loader reads the file's text, whatever numeric
/// types the columns have, and every number must be the one its text parses to.
/// </summary>
public sealed class ParquetPassTests : IDisposable
{
    private static readonly string Model = Path.Combine(RepositoryPaths.Sample, "model", "spam.zip");
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>The held-out rows five times, with features of every numeric type a writer may choose.</summary>
    private string Parquet(string name, string replaced = "")
    {
        DuckDb.Execute(_directory.Path, $"""
            COPY (SELECT * REPLACE (CAST(make AS FLOAT) AS make, CAST(address AS DECIMAL(9, 3)) AS address,
                    CAST(round(capitalTotal) AS INTEGER) AS capitalTotal, CAST(round(capitalLong) AS UBIGINT) AS capitalLong,
                    CAST(round(capitalAve) AS SMALLINT) AS capitalAve, capitalAve * 1.1 + 1e-9 AS charHash{replaced})
                  FROM read_csv('{RepositoryPaths.SpambaseHeldout}', header = true), range(5))
            TO '~/{name}' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)
            """);
        return _directory.File(name);
    }

    [Fact]
    public void Every_row_scores_labels_and_identifies_as_ML_NET_reads_the_files_text()
    {
        var (columns, inputs) = Open(Parquet("heldout.parquet"));
        Assert.True(ParquetTextStream.RowGroupSizes(inputs.Heldout.Path).Count > 1, "one row group");

        var fast = FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of((_, _) => true), null, null, null, FirstRows(columns, inputs))
            ?? throw new InvalidOperationException("The fast pass declined a plain Parquet file.");
        var full = ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null);

        Assert.Equal(full.Count, fast.Count);
        Assert.Equal(full.Scores.Select(BitConverter.DoubleToInt64Bits), fast.Scores.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(full.Positive, fast.Positive);
        Assert.Equal(full.Ids.OrderBy(p => p.Key), fast.Ids.OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("DOUBLE")]
    [InlineData("FLOAT")]
    public void Precomputed_scores_and_an_id_column_read_as_ML_NET_reads_the_files_text(string scoreType)
    {
        DuckDb.Execute(_directory.Path, $"""
            COPY (SELECT 'mail-' || row_number() OVER () AS id, CAST(random() AS {scoreType}) AS Probability, *
                  FROM read_csv('{RepositoryPaths.SpambaseHeldout}', header = true), range(3))
            TO '~/scored.parquet' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)
            """);
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores, score_column: Probability {"}"}
            label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            id: id
            data: {"{"} heldout: {_directory.File("scored.parquet")} {"}"}
            threshold: 0.5
            region: {"{"} width: 0.1 {"}"}
            limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.9 {"}"} {"}"} {"}"}
            """;
        var config = ConfigLoader.Parse(yaml, _directory.Write("scores.yml", yaml));
        var inputs = RunInputs.Open(config, BaselineUse.Ignore);
        var columns = inputs.Scorer.Score(inputs.Heldout, []);
        Assert.Null(columns.Fast!.Model);

        var fast = FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of((_, _) => true), null, null, null, FirstRows(columns, inputs))
            ?? throw new InvalidOperationException("The fast pass declined a plain Parquet file.");
        var full = ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null);

        Assert.Equal(full.Scores.Select(BitConverter.DoubleToInt64Bits), fast.Scores.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(full.Positive, fast.Positive);
        Assert.Equal(full.Ids.OrderBy(p => p.Key), fast.Ids.OrderBy(p => p.Key));
        Assert.Equal("mail-1", fast.Ids[0]);
    }

    [Theory]
    [InlineData("a null feature", ", CASE WHEN random() < 0.9 THEN our END AS our")]
    [InlineData("a feature held as text", ", CAST(our AS VARCHAR) AS our")]
    public void A_file_the_text_pass_must_decide_on_is_left_to_it(string what, string replaced)
    {
        var (columns, inputs) = Open(Parquet($"{what.Replace(' ', '-')}.parquet", replaced));

        Assert.Null(FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of((_, _) => true), null, null, null, _ => throw new InvalidOperationException("declined before the sample")));
    }

    [Fact]
    public void A_double_is_narrowed_to_the_float_its_text_parses_to_or_left_to_the_text()
    {
        static void AsItsText(double value)
        {
            if (ParquetNumbers.TryNarrow(value, out var narrowed))
            {
                Assert.Equal(float.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), narrowed);
            }
        }

        Gen.OneOf(Gen.Double, Gen.Long.Select(BitConverter.Int64BitsToDouble), NearMidpoints()).Sample(AsItsText, iter: 300_000);

        // Decimals as data holds them are nearly all narrowed without their text: else the path would be no faster.
        var taken = 0;
        Gen.Select(Gen.Long[-10_000_000_000L, 10_000_000_000L], Gen.Int[0, 12]).Select((digits, places) => digits / Math.Pow(10, places)).Sample(value =>
        {
            AsItsText(value);
            taken += ParquetNumbers.TryNarrow(value, out _) ? 1 : 0;
        }, iter: 100_000, threads: 1);
        Assert.InRange(taken, 99_000, 100_000);
    }

    /// <summary>Doubles within a few ulps of a midpoint between two floats, where rounding twice can differ from rounding once.</summary>
    private static Gen<double> NearMidpoints() =>
        Gen.Select(Gen.Single[1e-30f, 1e30f], Gen.Int[-3, 3]).Select((single, ulps) =>
        {
            var midpoint = ((double)single + MathF.BitIncrement(single)) / 2;
            for (; ulps > 0; ulps--)
            {
                midpoint = Math.BitIncrement(midpoint);
            }

            for (; ulps < 0; ulps++)
            {
                midpoint = Math.BitDecrement(midpoint);
            }

            return midpoint;
        });

    [Fact]
    public void Every_numeric_column_reads_as_the_number_its_text_parses_to()
    {
        DuckDb.Execute(_directory.Path, """
            COPY (SELECT CAST(v AS FLOAT) AS f, v AS d, CAST(v * 1000 AS BIGINT) AS l, CAST(v AS DECIMAL(18, 6)) AS m,
                    CAST(abs(v) * 1000 AS UBIGINT) AS u, CAST(v % 100 AS TINYINT) AS t, CASE WHEN i % 7 = 0 THEN NULL ELSE v END AS n
                  FROM (SELECT i, (random() - 0.5) * pow(10, i % 12) AS v FROM range(20000) AS r(i)))
            TO '~/numbers.parquet' (FORMAT PARQUET, ROW_GROUP_SIZE 5000)
            """);
        using var groups = ParquetRowGroups.Open(_directory.File("numbers.parquet"), 2);
        var text = new System.Buffers.ArrayBufferWriter<byte>();
        for (var group = 0; group < groups.GroupCount; group++)
        {
            var rows = groups.Load(group, [.. Enumerable.Range(0, groups.ColumnCount)]);
            for (var column = 0; column < groups.ColumnCount; column++)
            {
                Assert.True(groups[column].IsNumber);
                for (var row = 0; row < rows; row++)
                {
                    var written = System.Text.Encoding.UTF8.GetString(groups[column].Rendered(row, text));
                    Assert.Equal(float.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var single), groups[column].TryFloat(row, text, out var fast));
                    Assert.Equal(single, fast);
                    Assert.Equal(double.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var wide), groups[column].TryDouble(row, text, out var fastWide));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(wide), BitConverter.DoubleToInt64Bits(fastWide));
                }
            }
        }
    }

    [Fact]
    public void Optional_columns_hold_their_values_and_nulls_in_the_rows_an_independent_reader_finds_them()
    {
        // Nulls in runs and alone, in columns of three types, across row groups.
        DuckDb.Execute(_directory.Path, """
            COPY (SELECT CASE WHEN i % 3 = 0 OR i % 1000 < 40 THEN NULL ELSE i * 0.25 END AS d,
                    CASE WHEN i % 5 = 1 THEN NULL ELSE CAST(i AS INTEGER) END AS n,
                    CASE WHEN i % 2 = 0 THEN NULL ELSE CAST(i / 8 AS FLOAT) END AS f
                  FROM range(12000) AS r(i))
            TO '~/optional.parquet' (FORMAT PARQUET, ROW_GROUP_SIZE 5000)
            """);
        var expected = DuckDb.Rows(_directory.Path, "SELECT * FROM read_parquet('~/optional.parquet', file_row_number = true) ORDER BY file_row_number")
            .Select(row => row.Split(',')[..3]).ToList();
        using var groups = ParquetRowGroups.Open(_directory.File("optional.parquet"), 2);
        var text = new System.Buffers.ArrayBufferWriter<byte>();
        var seen = 0;
        for (var group = 0; group < groups.GroupCount; group++)
        {
            var rows = groups.Load(group, [0, 1, 2]);
            for (var row = 0; row < rows; row++, seen++)
            {
                for (var column = 0; column < 3; column++)
                {
                    var want = expected[seen][column];
                    Assert.Equal(want.Length > 0, groups[column].TryDouble(row, text, out var value));
                    if (want.Length > 0)
                    {
                        Assert.Equal(double.Parse(want, CultureInfo.InvariantCulture), value);
                    }
                }
            }
        }

        Assert.Equal(12000, seen);
    }

    private static Func<int, ScoredSet> FirstRows(ScoredColumns columns, RunInputs inputs) =>
        rows => ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns with { View = new MLContext().Data.TakeRows(columns.View, rows) }, inputs.Labels, IdChoice.Every, null, null);

    private (ScoredColumns Columns, RunInputs Inputs) Open(string heldout)
    {
        var yaml = SampleConfigs.ForModel(Model, heldout: heldout);
        var config = ConfigLoader.Parse(yaml, _directory.Write($"{Guid.NewGuid():N}.yml", yaml));
        var inputs = RunInputs.Open(config, BaselineUse.Ignore);
        return (inputs.Scorer.Score(inputs.Heldout, []), inputs);
    }
}
