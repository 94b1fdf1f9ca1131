using System.Globalization;
using System.Text;
using CsCheck;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Metrics;
using QualityGate.Suite;
using QualityGate.Tests.Metrics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Properties;

/// <summary>
/// Property-based tests (CsCheck): invariants that must hold for every input, checked on many
/// generated ones, under the invariant culture and under de-DE.
/// </summary>
public sealed class PropertyTests
{
    public static TheoryData<string> Cultures => ["", "de-DE"];

    /// <summary>A labelled, scored set with both classes and deliberate ties (scores on a coarse grid).</summary>
    private static readonly Gen<(double[] Scores, bool[] Positive)> ScoredSets =
        Gen.Int[4, 120].SelectMany(n => Gen.Select(Gen.Int[0, 20].Array[n], Gen.Bool.Array[n], (grid, labels) =>
        {
            labels[0] = true;
            labels[1] = false;
            return (grid.Select(g => g / 20.0).ToArray(), labels);
        }));

    private static SetEvaluation Evaluate(double[] scores, bool[] positive, double threshold = 0.5)
    {
        var set = SyntheticSets.From(scores, [.. positive.Select(p => p ? 1 : 0)]);
        var point = new OperatingPoint(threshold, threshold - 0.1, threshold + 0.1, "fixed");
        return SetEvaluator.Evaluate(set, RankedExamples.From(set), point, Settings.Statistics(), probabilities: true, KnownAnswerTests.AllBounded);
    }

    private static void InCulture(string culture, Action check)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(culture);
            check();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Rates_stay_in_0_1_and_every_interval_contains_its_estimate(string culture) => InCulture(culture, () =>
        ScoredSets.Sample(set =>
        {
            foreach (var metric in Evaluate(set.Scores, set.Positive).Metrics.Where(m => m.Unavailable is null && !m.IsCount))
            {
                if (metric.Metric.Name != "log_loss")
                {
                    Assert.InRange(metric.Value, 0, 1);
                }

                Assert.True(metric.Bounds.Lower <= metric.Value + 1e-12 && metric.Value <= metric.Bounds.Upper + 1e-12, $"{metric.Metric}: {metric.Value} outside [{metric.Bounds.Lower}, {metric.Bounds.Upper}]");
            }
        }, iter: 60));

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Results_do_not_depend_on_row_order(string culture) => InCulture(culture, () =>
        Gen.Select(ScoredSets, Gen.Int).Sample((set, seed) =>
        {
            var order = Enumerable.Range(0, set.Scores.Length).ToArray();
            new Random(seed).Shuffle(order);
            var original = Evaluate(set.Scores, set.Positive);
            var shuffled = Evaluate([.. order.Select(i => set.Scores[i])], [.. order.Select(i => set.Positive[i])]);
            foreach (var metric in original.Metrics.Where(m => m.Unavailable is null))
            {
                // The same up to the order of floating-point additions (ties are summed in row order).
                var other = shuffled.Find(metric.Metric)!;
                Close(metric.Value, other.Value);
                Close(metric.Bounds.Lower, other.Bounds.Lower);
                Close(metric.Bounds.Upper, other.Bounds.Upper);
            }

            Assert.Equal(original.Confusion, shuffled.Confusion);
        }, iter: 40));

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{expected} != {actual}");

    private static readonly Gen<string> Fields = Gen.String[Gen.Char["ab,\"\n\r ;é1.-"], 0, 12];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_csv_record_written_then_read_gives_the_same_fields(string culture) => InCulture(culture, () =>
        Gen.Select(Fields.Array[1, 6].Array[1, 8], Gen.OneOf(',', '\t', ';')).Sample((records, separator) =>
        {
            // A record that is one empty field is a blank line, which readers skip by design.
            var kept = records.Where(r => r.Length > 1 || r[0].Length > 0).ToList();
            var text = string.Concat(kept.Select(r => string.Join(separator, r.Select(f => CsvRecordReader.Quote(f, separator))) + "\n"));
            using var reader = new CsvRecordReader(new StringReader(text), separator);
            foreach (var record in kept)
            {
                Assert.Equal(record, reader.Read());
            }

            Assert.Null(reader.Read());
        }, iter: 200));

    [Fact]
    public void Ranking_keeps_each_score_exactly_whether_held_in_single_or_double_precision_with_its_label() =>
        Gen.Select(Gen.Int[1, 3_000], Gen.Int[1, 400], Gen.Bool, Gen.Int[0, int.MaxValue]).Sample((rows, distinct, inFloats, seed) =>
            AssertRanksAsSorting(rows, distinct, inFloats, seed), iter: 100);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ranking_a_large_set_on_two_cores_keeps_each_score_exactly_with_its_label(bool inFloats) =>
        AssertRanksAsSorting(250_000, 5_000, inFloats, 7);

    /// <summary>Scores on a grid with ties (in single precision when asked: then the ranking holds floats), ranked against a plain sort.</summary>
    private static void AssertRanksAsSorting(int rows, int distinct, bool inFloats, int seed)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, rows).Select(_ => random.Next(distinct) / 7.0).Select(s => inFloats ? (float)s : s).ToArray();
        var labels = Enumerable.Range(0, rows).Select(_ => random.Next(2)).ToArray();
        var ranked = QualityGate.Metrics.RankedExamples.From(SyntheticSets.From(scores, labels));

        var expected = scores.Zip(labels).OrderByDescending(p => p.First).ToList();
        Assert.Equal(expected.Select(p => BitConverter.DoubleToInt64Bits(p.First)), ranked.Scores.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(labels.Sum(), ranked.Positives);

        // Within a run of tied scores the order is the sort's own; each run holds the same labels.
        static IEnumerable<(double, int)> PositivesPerScore(IEnumerable<(double Score, bool Positive)> rows) =>
            rows.GroupBy(r => r.Score).Select(g => (g.Key, g.Count(r => r.Positive)));
        Assert.Equal(PositivesPerScore(expected.Select(p => (p.First, p.Second == 1))), PositivesPerScore(ranked.Scores.Zip(ranked.Positive)));
    }

    [Fact]
    public void The_two_core_sort_orders_keys_as_array_sort_does_and_carries_each_item_with_its_key() =>
        Gen.Select(Gen.Int[100_000, 300_000], Gen.Int[1, 2_000], Gen.Int[0, int.MaxValue]).Sample((rows, distinct, seed) =>
        {
            // Few distinct values make long ties, and ties around the pivot are the hard case.
            var random = new Random(seed);
            var keys = Enumerable.Range(0, rows).Select(_ => (double)random.Next(distinct)).ToArray();
            var original = (double[])keys.Clone();
            var items = Enumerable.Range(0, rows).ToArray();
            QualityGate.Metrics.RankedExamples.SortOnTwoCores(keys, items);

            var expected = (double[])original.Clone();
            Array.Sort(expected);
            Assert.Equal(expected, keys);
            Assert.Equal(Enumerable.Range(0, rows), items.Order());
            Assert.All(Enumerable.Range(0, rows), i => Assert.Equal(original[items[i]], keys[i]));
        }, iter: 12);

    [Fact]
    public void Skipping_a_record_passes_exactly_the_record_that_reading_it_would() =>
        Gen.Select(Fields.Array[1, 4].Array[1, 10], Gen.Bool.Array[10], Gen.Bool.Array[10], Gen.Int[1, 9]).Sample((records, crlf, blankBefore, bufferSize) =>
        {
            // Blank lines and CRLF line ends between records, and a buffer small enough that lines cross refills.
            var text = string.Concat(records.Select((r, i) =>
                (blankBefore[i] ? (crlf[i] ? "\r\n" : "\n") : string.Empty) + CsvRecordReader.Line(r, ',') + (crlf[i] ? "\r\n" : "\n")));
            var whole = new List<(List<string> Fields, int Line)>();
            using (var reader = new CsvRecordReader(new StringReader(text), ',', bufferSize: bufferSize))
            {
                while (reader.Read() is { } fields)
                {
                    whole.Add((fields, reader.RecordLine));
                }
            }

            using var skipping = new CsvRecordReader(new StringReader(text), ',', bufferSize: bufferSize);
            for (var i = 0; i < whole.Count; i++)
            {
                // Skip every other record: each read after skips must still find its own record and line.
                if (i % 2 == 0)
                {
                    Assert.True(skipping.Skip());
                }
                else
                {
                    Assert.Equal(whole[i].Fields, skipping.Read());
                }

                Assert.Equal(whole[i].Line, skipping.RecordLine);
            }

            Assert.False(skipping.Skip());
            Assert.Null(skipping.Read());
        }, iter: 300);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_suite_written_then_read_gives_the_same_suite(string culture) => InCulture(culture, () =>
    {
        var items = Gen.Select(Gen.Int[0, 1_000_000], Gen.Bool, Gen.Double[-1e6, 1e6], Gen.OneOf(SuiteStatus.Active, SuiteStatus.Quarantined, SuiteStatus.Rejected), Fields, Fields)
            .Select((id, positive, score, status, text, reason) =>
                new SuiteItem($"{id:x8}", status, positive, score, "abc", "2026-11-30", "data/h.csv", reason, [positive ? "1" : "0", text, score.ToString("R", CultureInfo.InvariantCulture)]));
        items.Array[0, 20].Sample(generated =>
        {
            var unique = generated.DistinctBy(i => i.Id).ToList();
            var document = new SuiteDocument(["Label", "Subject", "x"], []).With(unique);
            using var directory = new TemporaryDirectory();
            var path = directory.File("suite.csv");
            File.WriteAllBytes(path, SuiteFile.Render(document, ','));
            var read = SuiteFile.Read(path, "suite.csv", ',', "Label", new LabelMatcher(new LabelSettings("Label", ["1"], ["0"])));
            Assert.Equal(document.DataColumns, read.DataColumns);
            Assert.Equal(document.Items.Count, read.Items.Count);
            foreach (var (expected, actual) in document.Items.Zip(read.Items))
            {
                Assert.Equal(expected with { Fields = [] }, actual with { Fields = [] });
                Assert.Equal(expected.Fields, actual.Fields);
            }

            Assert.Equal(SuiteFile.Render(document, ','), SuiteFile.Render(read, ','));
        }, iter: 60);
    });
}
