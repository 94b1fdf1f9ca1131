using System.Globalization;
using System.Text;
using CsCheck;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Mining;
using QualityGate.Shards;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scale;

/// <summary>
/// Splitting an evaluation across shards and merging gives a single run's counts, mining and
/// verdicts, and ranking metrics within the bound the merge states.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly TimeProvider Clock = MiningClock.FromEnvironment();

    /// <summary>Rows of a scored data set (scores on a coarse grid, so ties and duplicate rows abound), cut into parts, and a shard count.</summary>
    private static readonly Gen<(int[] Grid, bool[] Positive, int[] Cuts, int Shards)> Splits =
        Gen.Int[20, 300].SelectMany(n => Gen.Select(
            Gen.Int[0, 40].Array[n],
            Gen.Bool.Array[n],
            Gen.Int[1, n - 1].Array[0, 8],
            Gen.Int[1, 9],
            (grid, positive, cuts, shards) =>
            {
                positive[0] = true;
                positive[1] = false;
                var distinct = cuts.Distinct().Order().ToArray();
                return (grid, positive, distinct, Math.Min(shards, distinct.Length + 1));
            }));

    [Fact]
    public void Merged_shards_give_the_counts_mining_and_verdicts_of_one_run_for_any_split()
    {
        Splits.Sample(split =>
        {
            using var single = new TemporaryDirectory();
            using var sharded = new TemporaryDirectory();
            Write(single, split);
            Write(sharded, split);

            var one = QualityGate.Verbs.Check.Run(ConfigLoader.Load(single.File("qualitygate.yml")), updateSuite: true, clock: Clock);
            var config = ConfigLoader.Load(sharded.File("qualitygate.yml"));
            var partials = Enumerable.Range(1, split.Shards)
                .Select(i => (PartialJson.Read(WritePartial(sharded, config, new ShardSpec(i, split.Shards)), $"partial-{i}"), $"partial-{i}"))
                .Reverse()
                .ToList();
            var many = QualityGate.Verbs.Merge.Run(config, partials, updateSuite: true, clock: Clock);

            Assert.Equal(one.Sets[0].Confusion, many.Sets[0].Confusion);
            Assert.Equal(one.Sets[0].Region, many.Sets[0].Region);
            Assert.Equal(one.Sets[0].Outcomes.FalsePositives, many.Sets[0].Outcomes.FalsePositives);
            Assert.Equal(one.Sets[0].Outcomes.RegionNegatives, many.Sets[0].Outcomes.RegionNegatives);
            Assert.Equal(one.Limits.Select(l => l.Verdict), many.Limits.Select(l => l.Verdict));
            // With no hard negative among the rows, neither run writes a suite.
            Assert.Equal(File.Exists(single.File("suite.csv")), File.Exists(sharded.File("suite.csv")));
            if (File.Exists(single.File("suite.csv")))
            {
                Assert.Equal(File.ReadAllBytes(single.File("suite.csv")), File.ReadAllBytes(sharded.File("suite.csv")));
            }

            // Scores on a grid of 1/40 sit in distinct bins: the AUC is exact here.
            Assert.Equal(one.Sets[0].Find(new MetricName("auc"))!.Value, many.Sets[0].Find(new MetricName("auc"))!.Value, 12);
        }, iter: 40);
    }

    [Fact]
    public void Within_a_bin_the_auc_stays_inside_the_stated_bound()
    {
        // Scores closer than a bin's width: the histogram cannot order them, and says by how much that can matter.
        var histogram = new ScoreHistogram([]);
        var exactPairs = 0.0;
        double[] positives = [0.50001, 0.50003, 0.7], negatives = [0.50002, 0.50004, 0.2];
        foreach (var p in positives)
        {
            histogram.Add(p, true);
            exactPairs += negatives.Count(n => n < p);
        }

        foreach (var n in negatives)
        {
            histogram.Add(n, false);
        }

        var exact = exactPairs / 9;
        var binned = Auc(histogram);
        Assert.NotEqual(exact, binned);
        Assert.InRange(Math.Abs(exact - binned), 0, histogram.AucErrorBound());
        Assert.Single(histogram.Bins, b => b.Value.Positives > 0 && b.Value.Negatives > 0);
    }

    [Fact]
    public void A_bin_never_straddles_the_threshold_or_the_region_edges()
    {
        var histogram = new ScoreHistogram([0.5, 0.45, Math.BitIncrement(0.55)]);
        foreach (var score in new[] { 0.5, Math.BitDecrement(0.5), 0.45, Math.BitDecrement(0.45), 0.55, Math.BitIncrement(0.55), 0.50000001, 0.49999999 })
        {
            var bin = histogram.Representative(score);
            Assert.Equal(score >= 0.5, bin >= 0.5);
            Assert.Equal(score >= 0.45, bin >= 0.45);
            Assert.Equal(score <= 0.55, bin <= 0.55);
        }
    }

    [Fact]
    public void A_missing_shard_or_a_partial_from_other_settings_is_refused()
    {
        using var directory = new TemporaryDirectory();
        Write(directory, ([1, 30, 10, 20], [true, false, true, false], [1, 2, 3], 3));
        var config = ConfigLoader.Load(directory.File("qualitygate.yml"));
        var heldout = DataFile.Open(config.Data.Heldout, "data", null, config.Data.HeldoutLocation);
        var first = PartialJson.Read(WritePartial(directory, config, new ShardSpec(1, 3)), "p1");
        var third = PartialJson.Read(WritePartial(directory, config, new ShardSpec(3, 3)), "p3");

        var missing = Assert.Throws<DataException>(() => ShardMerger.Merge(config, [(first, "p1"), (third, "p3")], heldout, first.Point, mine: true));
        Assert.Contains("Shard 2/3 is missing", missing.Message, StringComparison.Ordinal);

        var other = first with { Settings = "something else" };
        var changed = Assert.Throws<DataException>(() => ShardMerger.Merge(config, [(other, "p1"), (third, "p3")], heldout, first.Point, mine: true));
        Assert.StartsWith("'p1' cannot be merged: it was written with a different configuration or model", changed.Message, StringComparison.Ordinal);

        var single = Assert.Throws<ConfigurationException>(() => new ShardSpec(2, 2).HeldoutParts(DataFile.Open(directory.File("one.csv"), "one.csv", null, config.Data.HeldoutLocation), config.Data.HeldoutLocation));
        Assert.Contains("sharding splits a folder of part files", single.Message, StringComparison.Ordinal);
    }

    private static string WritePartial(TemporaryDirectory directory, GateConfig config, ShardSpec shard)
    {
        var path = directory.File($"partial-{shard.Index}.json");
        File.WriteAllBytes(path, PartialJson.Serialize(ShardRunner.Run(config, shard, mine: true)));
        return path;
    }

    /// <summary>The rows as part files of one folder, feature f equal to the grid value so equal scores are duplicate rows.</summary>
    private static void Write(TemporaryDirectory directory, (int[] Grid, bool[] Positive, int[] Cuts, int Shards) split)
    {
        var rows = split.Grid.Select((g, i) => string.Create(CultureInfo.InvariantCulture, $"{(split.Positive[i] ? 1 : 0)},{g},{g / 40.0}")).ToList();

        // Identical features with both labels would be a label conflict; keep each grid value to one label.
        var label = new Dictionary<int, string>();
        rows = [.. rows.Select((r, i) => label.TryAdd(split.Grid[i], r[..1]) ? r : label[split.Grid[i]] + r[1..])];
        Directory.CreateDirectory(directory.File("data"));
        int[] bounds = [0, .. split.Cuts, rows.Count];
        for (var part = 0; part + 1 < bounds.Length; part++)
        {
            var text = new StringBuilder("Label,f,Probability\n");
            foreach (var row in rows.Skip(bounds[part]).Take(bounds[part + 1] - bounds[part]))
            {
                text.Append(row).Append('\n');
            }

            File.WriteAllText(directory.File($"data/part-{part:D3}.csv"), text.ToString());
        }

        directory.Write("one.csv", "Label,f,Probability\n1,1,0.9\n0,2,0.1\n");
        directory.Write("qualitygate.yml", """
            version: 1
            model: { kind: scores }
            label: Label
            data: { heldout: data, suite: suite.csv }
            threshold: 0.5
            region: { width: 0.1 }
            limits:
              heldout:
                fpr: { max: 0.3 }
                region.error_rate: { max: 0.5 }
                auc: { min: 0.6 }
            mining: { margin: 0.2, max_new: 7, max_size: 1000 }
            """);
    }

    private static double Auc(ScoreHistogram histogram)
    {
        double positives = 0, negatives = 0, wins = 0, below = 0;
        foreach (var (_, (p, n)) in histogram.Bins)
        {
            wins += p * (below + (n / 2.0));
            below += n;
            positives += p;
            negatives += n;
        }

        return wins / (positives * negatives);
    }
}
