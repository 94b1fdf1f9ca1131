using System.Globalization;
using System.IO.Compression;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// Before any bless, with a fixed threshold and a quantile region, the held-out pass keeps the
/// ids of the wrong rows and of those the region may hold, not every row's: the result names the
/// very same wrong and in-region examples as a pass that kept every id, through the fast pass and
/// ML.NET's loader, and when the file has more rows than its first ones promised.
/// </summary>
public sealed class RegionIdsInThePassTests : IDisposable
{
    private const int Rows = 60_000;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("fast pass", false)]
    [InlineData("ML.NET's loader, after the fast pass met a quote late in the file", true)]
    public void The_region_and_the_wrong_rows_are_named_as_when_every_id_is_kept(string reader, bool quoteLate)
    {
        var inputs = Open(Write("scored.csv", padFirstRows: false, quoteLate));
        Assert.True(inputs.Ids.ChosenInOrder, reader);

        var said = new List<string>();
        var chosen = Read(inputs, inputs.Ids, said.Add);
        var every = Read(inputs, IdSelection.Every, null);

        AssertSameExamples(inputs, every, chosen);
        Assert.DoesNotContain(said, s => s.Contains("reading it again", StringComparison.Ordinal));
        // What it is for: fewer ids held than rows. At the end only the wrong rows' (30%) and those
        // of the 1.25 x 5% nearest the threshold on each side, ties included, are held, by
        // either reader; the fast pass also lets go of those the region's edge left behind as it goes.
        Assert.InRange(chosen.Ids.Count, 1, Rows * 0.45);
    }

    [Fact]
    public void A_file_longer_than_its_first_rows_promise_is_read_again_and_names_the_same_rows()
    {
        var inputs = Open(Write("padded.csv", padFirstRows: true, quoteLate: false));
        var said = new List<string>();
        var chosen = Read(inputs, inputs.Ids, said.Add);

        Assert.Contains(said, s => s.Contains("more than its first rows suggested; reading it again", StringComparison.Ordinal));
        AssertSameExamples(inputs, Read(inputs, IdSelection.Every, null), chosen);
    }

    [Fact]
    public void A_compressed_file_keeps_every_id_and_is_read_once()
    {
        var plain = Write("scored.csv", padFirstRows: false, quoteLate: false);
        var gzipped = _directory.File("scored.csv.gz");
        using (var output = new GZipStream(File.Create(gzipped), CompressionLevel.Fastest))
        using (var input = File.OpenRead(plain))
        {
            input.CopyTo(output);
        }

        var inputs = Open(gzipped);
        var said = new List<string>();
        var chosen = Read(inputs, inputs.Ids, said.Add);

        Assert.Equal(Rows, chosen.Ids.Count);
        Assert.DoesNotContain(said, s => s.Contains("reading it again", StringComparison.Ordinal));
    }

    private static ScoredSet Read(RunInputs inputs, IdSelection ids, Action<string>? progress) =>
        ScoringPass.Read("heldout", inputs.Heldout, inputs.Scorer.Score(inputs.Heldout, []), inputs.Labels, ids, progress);

    private static void AssertSameExamples(RunInputs inputs, ScoredSet expected, ScoredSet actual)
    {
        var point = OperatingPoints.Resolve(inputs.Config, RankedExamples.From(expected));
        SetEvaluation Measure(ScoredSet set) => SetEvaluator.Evaluate(set, RankedExamples.From(set), point, inputs.Config.Statistics, probabilities: true, new HashSet<MetricName>());
        var (all, some) = (Measure(expected), Measure(actual));
        Assert.True(all.RegionIds.Count > 1000, "the region holds rows");
        Assert.True(all.WrongIds.Count > 1000, "some rows are wrong");
        Assert.Equal(all.RegionIds.Order(StringComparer.Ordinal), some.RegionIds.Order(StringComparer.Ordinal));
        Assert.Equal(all.WrongIds.Order(StringComparer.Ordinal), some.WrongIds.Order(StringComparer.Ordinal));
    }

    private RunInputs Open(string heldout)
    {
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores, score_column: Probability {"}"}
            label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            data: {"{"} heldout: {heldout} {"}"}
            threshold: 0.5
            region: {"{"} quantile: 0.05 {"}"}
            limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.9 {"}"} {"}"} {"}"}
            """;
        return RunInputs.Open(ConfigLoader.Parse(yaml, _directory.Write($"{Guid.NewGuid():N}.yml", yaml)), BaselineUse.Ignore);
    }

    /// <summary>
    /// Scores on a grid of a thousandth (ties), labels right 70% of the time, a row number to tell
    /// rows apart; padded, the first 2,000 rows carry a long note, so the file's first 64 KiB
    /// promise a fraction of its rows. A quoted note near the end sends the file from the fast
    /// pass to ML.NET's loader.
    /// </summary>
    private string Write(string name, bool padFirstRows, bool quoteLate)
    {
        var random = new Random(7);
        var text = new StringBuilder("Label,Probability,n,note\n");
        for (var row = 0; row < Rows; row++)
        {
            var score = random.Next(1001) / 1000.0;
            var positive = (score >= 0.5) == (random.NextDouble() < 0.7);
            var note = padFirstRows && row < 2000 ? new string('x', 200) : quoteLate && row == Rows - 10 ? "\"a, b\"" : "";
            text.Append(CultureInfo.InvariantCulture, $"{(positive ? 1 : 0)},{score:0.###},{row},{note}\n");
        }

        return _directory.Write(name, text.ToString());
    }
}
