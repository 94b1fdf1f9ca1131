using System.Globalization;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Slices;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Slices;

/// <summary>
/// The held-out pass reads the slice columns with the rest of each row, so a sliced run reads its
/// held-out file once. Where the pass cannot read a slice field as the text reader reads it (a
/// quoted value), or a column is no segment at all, the text pass reads the slices instead: the
/// slices, and the errors, are the same either way.
/// </summary>
public sealed class SlicesInThePassTests : IDisposable
{
    private const string Columns = "[provider, { column: country, groups: { europe: [de, fr, nl] } }]";
    private static readonly string[] Providers = ["gmail", "outlook", "aol", "corp", ""];
    private static readonly string[] Countries = ["de", "fr", "nl", "us", "br"];

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_scoring_pass_reads_the_slice_columns_as_the_text_pass_reads_them()
    {
        _directory.Write("heldout.csv", Csv(rows: 20_000));
        var (inputs, evaluation) = Evaluate("heldout.csv", Columns);

        Assert.True(inputs.HeldoutSlices!.WasReadByPass(inputs.Heldout), "the pass left the slices to a text pass");
        AssertSameAsTextPass(inputs);
        Assert.Equal(
            ["country=europe", "country=other", "provider=(missing)", "provider=aol", "provider=corp", "provider=gmail", "provider=outlook"],
            Heldout(evaluation).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(CountsInText(_directory.File("heldout.csv"), "provider"), Heldout(evaluation).Where(s => s.Column == "provider").ToDictionary(s => s.Name["provider=".Length..], s => s.Count));
    }

    [Theory]
    [InlineData("acme", true)] // the pass scores the file and leaves its slices to the text pass
    [InlineData("acme, inc", false)] // the pass leaves the whole file to ML.NET's loader
    public void A_quoted_slice_value_is_read_by_the_text_pass_with_its_quotes_parsed(string quoted, bool scoredByFastPass)
    {
        _directory.Write("heldout.csv", Csv(rows: 5_000, quoted: $"\"{quoted}\"", quotedEvery: 997));
        var (inputs, evaluation) = Evaluate("heldout.csv", Columns);

        Assert.False(inputs.HeldoutSlices!.WasReadByPass(inputs.Heldout));
        Assert.Equal(scoredByFastPass, evaluation.Heldout.Ids is QualityGate.Scoring.FastPath.RowIds);
        var acme = Assert.Single(Heldout(evaluation), s => s.Name == $"provider={quoted}");
        Assert.Equal(5, acme.Count);
        Assert.Equal(5_000, Heldout(evaluation).Where(s => s.Column == "provider").Sum(s => s.Count));
    }

    [Fact]
    public void A_Parquet_folder_with_a_partition_column_is_sliced_by_its_pass_as_its_CSV_is()
    {
        _directory.Write("heldout.csv", Csv(rows: 12_000));
        DuckDb.Execute(_directory.Path, """
            COPY (SELECT * FROM read_csv('~/heldout.csv', header = true))
            TO '~/heldout' (FORMAT PARQUET, PARTITION_BY (country))
            """);
        var (inputs, evaluation) = Evaluate("heldout", Columns);

        Assert.True(inputs.HeldoutSlices!.WasReadByPass(inputs.Heldout), "the pass left the Parquet slices to a text pass");
        AssertSameAsTextPass(inputs);
        var (_, fromCsv) = Evaluate("heldout.csv", Columns);
        Assert.Equal(Heldout(fromCsv).Select(s => (s.Name, s.Count, s.Positives)), Heldout(evaluation).Select(s => (s.Name, s.Count, s.Positives)));
    }

    [Fact]
    public void A_column_of_ids_is_refused_as_the_text_pass_refuses_it()
    {
        _directory.Write("heldout.csv", Csv(rows: 3_000));
        var error = Assert.Throws<DataException>(() => Evaluate("heldout.csv", "[id]"));
        Assert.Contains("The slice column 'id' has more than 2,000 distinct values in 'heldout.csv'", error.Message, StringComparison.Ordinal);
    }

    private (RunInputs Inputs, Evaluation Evaluation) Evaluate(string heldout, string columns)
    {
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores {"}"}
            label: Label
            id: id
            data: {"{"} heldout: {heldout} {"}"}
            threshold: 0.5
            region: {"{"} width: 0.1 {"}"}
            slices: {"{"} columns: {columns}, min_size: 10 {"}"}
            limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.5 {"}"} {"}"} {"}"}
            """;
        var config = ConfigLoader.Parse(yaml, _directory.Write($"{Guid.NewGuid():N}.yml", yaml));
        var inputs = RunInputs.Open(config, BaselineUse.Ignore);
        return (inputs, Pipeline.Evaluate(inputs, null));
    }

    private static IEnumerable<SliceResult> Heldout(Evaluation evaluation) => evaluation.Slices!.Slices.Where(s => s.DataSet == "heldout");

    /// <summary>The pass's memberships equal those of a text pass of their own, row by row.</summary>
    private static void AssertSameAsTextPass(RunInputs inputs)
    {
        var source = inputs.HeldoutSlices!;
        var byText = SliceMembership.OfFile(inputs.Heldout, source.Columns);
        var byPass = source.Of(inputs.Heldout);
        Assert.Equal(byText.Count, byPass.Count);
        for (var c = 0; c < byText.Count; c++)
        {
            Assert.Equal(byText[c].Names, byPass[c].Names);
            Assert.Equal(byText[c].Of, byPass[c].Of);
        }
    }

    /// <summary>Rows per value of a column, counted from the file's lines (no quoted fields).</summary>
    private static Dictionary<string, long> CountsInText(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        return lines.Skip(1).GroupBy(line => line.Split(',')[index]).ToDictionary(g => g.Key.Length == 0 ? "(missing)" : g.Key, g => (long)g.Count());
    }

    /// <summary>id, Label, provider, country, Probability; values interleaved, one provider blank; every <paramref name="quotedEvery"/>th row's provider <paramref name="quoted"/>.</summary>
    private static string Csv(int rows, string quoted = "", int quotedEvery = int.MaxValue)
    {
        var random = new Random(7);
        var text = new StringBuilder("id,Label,provider,country,Probability\n");
        for (var row = 0; row < rows; row++)
        {
            var positive = random.NextDouble() < 0.4;
            var score = positive ? 0.4 + (0.6 * random.NextDouble()) : 0.6 * random.NextDouble();
            var provider = row % quotedEvery == quotedEvery - 1 ? quoted : Providers[random.Next(Providers.Length)];
            text.Append(CultureInfo.InvariantCulture, $"r{row:D6},{(positive ? 1 : 0)},{provider},{Countries[random.Next(Countries.Length)]},{score:0.######}\n");
        }

        return text.ToString();
    }
}
