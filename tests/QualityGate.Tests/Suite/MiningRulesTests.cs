using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Mining;
using QualityGate.Suite;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Suite;

/// <summary>Identity, duplicates, label conflicts, suspects and eviction: the rules that decide what joins the suite.</summary>
public sealed class MiningRulesTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Config(string extra = "") => _directory.Write("qualitygate.yml", $"""
        version: 1
        model: {"{"} kind: scores {"}"}
        label: Label
        {extra}data:
          heldout: heldout.csv
          suite: quality/suite.csv
        threshold: 0.5
        region: {"{"} width: 0.1 {"}"}
        mining: {"{"} margin: 0.1, max_new: 50, max_size: 100, suspect_above: 0.98 {"}"}
        """);

    private List<List<string>> SuiteRows()
    {
        using var reader = QualityGate.Data.CsvRecordReader.Open(_directory.File("quality/suite.csv"), ',');
        var rows = new List<List<string>>();
        while (reader.Read() is { } fields)
        {
            rows.Add(fields);
        }

        return rows;
    }

    [Fact]
    public void Duplicate_rows_are_one_item_however_their_numbers_are_written()
    {
        _directory.Write("heldout.csv", """
            Label,f1,f2,Probability
            0,1.0,2.0,0.7
            0,1,2,0.7
            0,1.00,2e0,0.7
            0,9,10,0.2
            1,7,8,0.8
            """);
        var result = QgateProcess.Run(_directory.Path, "mine", "-c", Config());
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        var rows = SuiteRows();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Label", "f1", "f2", "Probability", .. SuiteColumns.All], rows[0]);
        Assert.Equal("active", rows[1][5]);
        Assert.Equal("1.0", rows[1][1]);
    }

    [Fact]
    public void An_id_column_identifies_items_instead_of_their_features()
    {
        _directory.Write("heldout.csv", """
            MessageId,Label,f1,Probability
            m1,0,1,0.7
            m1,0,2,0.7
            m2,0,3,0.6
            m3,1,4,0.9
            """);
        QgateProcess.Run(_directory.Path, "mine", "-c", Config("id: MessageId\n"));
        var ids = SuiteRows().Skip(1).Select(r => r[4]).ToList();
        Assert.Equal(["m1", "m2"], ids);
    }

    [Fact]
    public void The_same_features_with_both_labels_are_quarantined_as_a_label_conflict()
    {
        _directory.Write("heldout.csv", """
            Label,f1,Probability
            0,3,0.9
            1,3,0.9
            0,5,0.2
            1,6,0.8
            """);
        var result = QgateProcess.Run(_directory.Path, "mine", "-c", Config());
        var item = Assert.Single(SuiteRows().Skip(1));
        Assert.Equal("quarantined", item[4]);
        Assert.StartsWith("label conflict: the same features are labelled negative (heldout.csv line 2) and positive (heldout.csv line 3)", item[^1], StringComparison.Ordinal);
        Assert.Contains("quarantined", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_conflict_is_found_when_the_positive_twin_comes_first_in_another_file()
    {
        // The positive twin is read before the negative, in the held-out set, and is neither an
        // error nor in the region, so no id is kept for it while scoring: the check after the
        // pass must still find it by its exact score.
        _directory.Write("heldout.csv", """
            Label,f1,Probability
            1,3,0.9
            0,5,0.2
            1,6,0.8
            """);
        _directory.Write("feedback.csv", """
            Label,f1,Probability
            0,4,0.9
            0,3,0.9
            """);
        var config = File.ReadAllText(Config()).Replace("  suite: quality/suite.csv", "  suite: quality/suite.csv\n  feedback: [feedback.csv]", StringComparison.Ordinal);
        var result = QgateProcess.Run(_directory.Path, "mine", "-c", _directory.Write("qualitygate.yml", config));
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        var items = SuiteRows().Skip(1).ToDictionary(r => r[1], r => r);
        Assert.Equal("active", items["4"][4]);
        Assert.Equal("quarantined", items["3"][4]);
        Assert.StartsWith("label conflict: the same features are labelled negative (feedback.csv line 3) and positive (heldout.csv line 2)", items["3"][^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_scored_above_suspect_above_is_quarantined_as_likely_mislabelled()
    {
        _directory.Write("heldout.csv", """
            Label,f1,Probability
            0,1,0.99
            0,2,0.6
            1,3,0.8
            """);
        QgateProcess.Run(_directory.Path, "mine", "-c", Config());
        var items = SuiteRows().Skip(1).ToDictionary(r => r[1], r => r);
        Assert.Equal("quarantined", items["1"][4]);
        Assert.Contains("likely mislabelled", items["1"][^1], StringComparison.Ordinal);
        Assert.Equal("active", items["2"][4]);
    }

    [Fact]
    public void Hard_positives_are_mined_only_when_asked()
    {
        _directory.Write("heldout.csv", """
            Label,f1,Probability
            1,1,0.45
            1,2,0.9
            0,3,0.2
            """);
        QgateProcess.Run(_directory.Path, "mine", "-c", Config());
        Assert.False(File.Exists(_directory.File("quality/suite.csv")), "no negative is hard, and positives are not mined by default");

        var config = Config();
        File.WriteAllText(config, File.ReadAllText(config).Replace("suspect_above: 0.98 }", "suspect_above: 0.98, positives: true }", StringComparison.Ordinal));
        QgateProcess.Run(_directory.Path, "mine", "-c", config);
        var item = Assert.Single(SuiteRows().Skip(1));
        Assert.Equal(["1", "1", "0.45"], item.Take(3));
        Assert.Equal("active", item[4]);
    }

    [Fact]
    public void Eviction_replaces_the_easiest_item_the_model_gets_right_and_never_one_it_gets_wrong()
    {
        static SuiteItem Item(string id, SuiteStatus status = SuiteStatus.Active) => new(id, status, false, 0.6, "m", "2026-01-01", "h.csv", "", ["0"]);
        var current = new SuiteDocument(["Label"], [Item("easy"), Item("near"), Item("wrong"), Item("review", SuiteStatus.Quarantined)]);
        var scoresNow = new Dictionary<string, double> { ["easy"] = 0.1, ["near"] = 0.45, ["wrong"] = 0.8, ["review"] = 0.05 };
        var mining = new MiningSettings(Margin: 0.1, MaxNew: 10, MaxSize: 4, SuspectAbove: null, Positives: false);

        // Hardness is score - (t - margin): "easy" -0.3, "near" 0.05, "wrong" 0.4; new items 0.5 and 0.04.
        var (document, report) = SuiteMerger.Merge(current, [(Item("new-hard"), 0.5), (Item("new-near"), 0.04)], scoresNow, 0.5, mining, 2, 0);

        Assert.Equal(["easy"], report.Evicted.Select(i => i.Id));
        Assert.Equal(["new-hard"], report.Added.Select(i => i.Id));
        Assert.Equal(["near", "new-hard", "review", "wrong"], document.Items.Select(i => i.Id));
        Assert.Contains("not added", Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_item_is_never_evicted_even_when_it_is_the_easiest()
    {
        static SuiteItem Item(string id, bool pinned = false) => new(id, SuiteStatus.Active, false, 0.6, "m", "2026-01-01", "h.csv", "", ["0"], pinned);
        var current = new SuiteDocument(["Label"], [Item("pinned-easy", pinned: true), Item("near")]);
        var scoresNow = new Dictionary<string, double> { ["pinned-easy"] = 0.01, ["near"] = 0.45 };
        var mining = new MiningSettings(Margin: 0.1, MaxNew: 10, MaxSize: 2, SuspectAbove: null, Positives: false);

        var (document, report) = SuiteMerger.Merge(current, [(Item("new-hard"), 0.5)], scoresNow, 0.5, mining, 1, 0);

        Assert.Equal(["near"], report.Evicted.Select(i => i.Id));
        Assert.Equal(["new-hard", "pinned-easy"], document.Items.Select(i => i.Id));
        Assert.True(document.Find("pinned-easy")!.Pinned);
    }

    [Fact]
    public void Top_k_admits_exactly_the_items_it_then_keeps()
    {
        // Ties on the key are many (hardness in tenths), so the name decides often.
        var random = new Random(3);
        var top = new TopK<(string Id, double Hardness)>(20, c => (c.Hardness, c.Id));
        for (var i = 0; i < 2000; i++)
        {
            var candidate = (Id: $"id{random.Next(5000):D4}", Hardness: random.Next(10) / 10.0);
            var admitted = top.Admits(candidate.Hardness, candidate.Id);
            Assert.Equal(admitted, top.Offer(candidate));
        }
    }

    [Fact]
    public void Ids_offered_as_characters_select_what_ids_offered_as_strings_do()
    {
        var file = new DataFile("heldout.csv", "heldout.csv", ',', ["Label", "Probability"]);
        var mining = new MiningSettings(Margin: 0.1, MaxNew: 50, MaxSize: 500, SuspectAbove: null, Positives: false);
        var inSuite = new HashSet<string>(StringComparer.Ordinal) { "row0007", "row0100" };
        var byText = new CandidateCollector(0.5, mining, inSuite);
        var byChars = new CandidateCollector(0.5, mining, inSuite);
        var random = new Random(11);
        for (var row = 0; row < 3000; row++)
        {
            // Repeated ids and tied scores, as real files have.
            var (id, score, positive) = ($"row{random.Next(1500):D4}", Math.Round(random.NextDouble(), 2), random.Next(2) == 0);
            byText.Offer(file, row, score, positive, id);
            byChars.Offer(file, row, score, positive, id.AsSpan());
        }

        Assert.Equal(byText.CandidateRows, byChars.CandidateRows);
        Assert.Equal(byText.AlreadyInSuite, byChars.AlreadyInSuite);
        Assert.True(byText.AlreadyInSuite > 0);
        Assert.Equal(Selected(byText), Selected(byChars));
    }

    private static List<string> Selected(CandidateCollector collector) =>
        [.. collector.Finish([], null!).Selected.Select(c => $"{c.Id} {c.Score} {c.Row}")];

    [Fact]
    public void Top_k_keeps_the_hardest_whatever_the_order_they_arrive_in()
    {
        var candidates = Enumerable.Range(0, 100).Select(i => (Id: $"id{i:D3}", Hardness: (i * 37 % 100) / 100.0)).ToList();
        List<string> Pick(IEnumerable<(string Id, double Hardness)> order)
        {
            var top = new TopK<(string Id, double Hardness)>(5, c => (c.Hardness, c.Id));
            foreach (var candidate in order)
            {
                top.Offer(candidate);
            }

            return [.. top.Drain().Select(c => c.Id)];
        }

        var forward = Pick(candidates);
        Assert.Equal(forward, Pick(Enumerable.Reverse(candidates)));
        Assert.Equal(candidates.OrderByDescending(c => c.Hardness).Take(5).Select(c => c.Id), forward);
    }
}
