using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Shards;
using QualityGate.Tests.Scoring;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scale;

/// <summary>
/// A merge checks the held-out folder against the baseline with the hashes its shards took of the
/// parts they read, so it reads no part again (issue 17: a merge must not redo O(rows) work).
/// </summary>
public sealed class ShardHashTests
{
    [Fact]
    public void The_merge_takes_the_held_out_hash_from_its_shards_and_reads_no_part_again()
    {
        using var sample = new SampleCopy();
        var folder = Path.Combine(sample.Root, "data", "heldout-parts");
        PartFilesTests.Split(Path.Combine(sample.Root, "data", "heldout.csv"), folder, 4);
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout-parts", StringComparison.Ordinal));
        var blessed = QgateProcess.Run(sample.Root, "bless");
        Assert.True(blessed.ExitCode == ExitCodes.Passed, blessed.All);

        var config = ConfigLoader.Load(sample.ConfigPath);
        var partials = Enumerable.Range(1, 2).Select(i =>
        {
            var path = Path.Combine(sample.Root, $"partial-{i}.json");
            File.WriteAllBytes(path, PartialJson.Serialize(ShardRunner.Run(config, new ShardSpec(i, 2), mine: false)));
            return (Partial: PartialJson.Read(path, $"partial-{i}.json"), Display: $"partial-{i}.json");
        }).ToList();

        // Each shard hashed the two parts it read; together they give the folder's hash the baseline holds.
        Assert.All(partials, p => Assert.Equal(2, p.Partial.HeldoutParts!.Count));
        var all = DataFile.Open(config.Data.Heldout, "data/heldout-parts", null, config.Data.HeldoutLocation);
        var fromShards = ContentHash.OfHeldoutFromParts(all, partials.Select(p => p.Partial.HeldoutParts));
        Assert.Equal(BaselineJson.Read(Path.Combine(sample.Root, "quality", "baseline.json"), "baseline").HeldoutSha256, fromShards);
        Assert.Null(ContentHash.OfHeldoutFromParts(all, [partials[0].Partial.HeldoutParts]));
        Assert.Null(ContentHash.OfHeldoutFromParts(all, [partials[0].Partial.HeldoutParts, partials[0].Partial.HeldoutParts]));

        // A part rewritten after the shards read it (its rows in another order): the merge decides
        // on what the shards scored and hashed, without reading the parts again ...
        var part = Path.Combine(folder, "part-00001.csv");
        var lines = File.ReadAllLines(part);
        File.WriteAllLines(part, [lines[0], .. lines.Skip(1).Reverse()]);
        Assert.Equal(ExitCodes.Passed, QualityGate.Verbs.Merge.Run(config, partials).ExitCode);

        // ... while partials without part hashes (an older qgate's) make it hash the files, and it sees the change.
        var older = partials.Select(p => (p.Partial with { HeldoutParts = null }, p.Display)).ToList();
        var changed = Assert.Throws<DataException>(() => QualityGate.Verbs.Merge.Run(config, older));
        Assert.Contains("changed since the baseline was blessed", changed.Message, StringComparison.Ordinal);
    }
}
