using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Slices;

/// <summary>Mining balanced across slices: one large slice full of hard negatives does not crowd the others out of the suite.</summary>
public sealed class BalancedMiningTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Without_balance_the_big_slice_takes_every_place()
    {
        var mined = Mine(balance: null);
        Assert.Equal(20, mined.Values.Sum());
        Assert.Equal(20, mined.GetValueOrDefault("bulk"));
    }

    [Fact]
    public void With_a_cap_per_slice_each_slice_gets_its_share()
    {
        var mined = Mine(balance: 5);

        // The large slice is held to five; the small ones get theirs, hardest first, up to max_new.
        Assert.Equal(5, mined["bulk"]);
        Assert.Equal(5, mined["corp"]);
        Assert.Equal(5, mined["school"]);
        Assert.True(mined.Values.Sum() <= 20);
        Assert.All(mined.Values, count => Assert.InRange(count, 1, 5));
    }

    [Fact]
    public void The_suite_is_sliced_by_its_items_own_fields()
    {
        var mined = Mine(balance: 5);

        // With precomputed scores the candidate's suite scores come from a file: the same scores here.
        var suite = File.ReadAllLines(_directory.File("suite-5.csv"));
        var header = suite[0].Split(',');
        var (id, score) = (Array.IndexOf(header, "qg_id"), Array.IndexOf(header, "Probability"));
        File.WriteAllLines(_directory.File("suite-scores.csv"), ["qg_id,Probability", .. suite.Skip(1).Select(l => l.Split(',')).Select(f => $"{f[id]},{f[score]}")]);
        var yaml = File.ReadAllText(_directory.File("qualitygate.yml")).Replace("suite: ", "suite_scores: suite-scores.csv, suite: ", StringComparison.Ordinal)
            + "  limits: { suite: { fpr: { max: 0.5 } } }\n  min_size: 3\n";
        var result = QualityGate.Verbs.Check.Run(ConfigLoader.Parse(yaml, _directory.Write("check.yml", yaml)));

        var suiteSlices = result.Slices.Where(s => s.DataSet == "suite").ToList();
        Assert.Equal(mined.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"provider={p.Key}", (long)p.Value)), suiteSlices.Select(s => (s.Name, s.Count)));
        Assert.Equal(suiteSlices.Count, result.Limits.Count(l => l.Limit.DataSet.StartsWith("suite[", StringComparison.Ordinal)));
    }

    /// <summary>Mines into a new suite and counts its items per provider.</summary>
    private Dictionary<string, int> Mine(int? balance)
    {
        _directory.Write("heldout.csv", SlicedData.Write(8, [new("bulk", 3000, NegativeTop: 0.95), new("corp", 400, NegativeTop: 0.6), new("school", 400, NegativeTop: 0.6), new("home", 400, NegativeTop: 0.6)]));
        var suite = _directory.File($"suite-{balance}.csv");
        var mining = balance is { } cap ? $"  mining: {{ max_new_per_slice: {cap} }}\n" : string.Empty;
        var yaml = $"version: 1\nmodel: {{ kind: scores }}\nlabel: Label\nid: id\ndata: {{ heldout: heldout.csv, suite: {suite} }}\nthreshold: 0.5\nregion: {{ width: 0.1 }}\n" +
            $"mining: {{ margin: 0.1, max_new: 20, max_size: 100 }}\nslices:\n  columns: [provider]\n{mining}";
        QualityGate.Verbs.Mine.Run(ConfigLoader.Parse(yaml, _directory.Write("qualitygate.yml", yaml)));
        return File.ReadAllLines(suite).Skip(1).Select(line => line.Split(',')[2]).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
    }
}
