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

    [Fact]
    public void With_precomputed_scores_the_shards_hash_their_parts_row_by_row_and_the_merge_reads_none()
    {
        using var directory = new TemporaryDirectory();
        var lines = File.ReadAllLines(RepositoryPaths.SpambaseHeldout);
        var scored = directory.Write("scored.csv", string.Join('\n', lines.Select((line, row) => row == 0
            ? $"Probability,{line}"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row * 7919 % 1000 / 1000.0},{line}"))) + "\n");
        PartFilesTests.Split(scored, directory.File("heldout-parts"), 4);
        File.Delete(scored);
        directory.Write("qualitygate.yml", """
            version: 1
            model: { kind: scores, score_column: Probability }
            label: { column: Label, positive: ["1"], negative: ["0"] }
            data: { heldout: heldout-parts }
            threshold: 0.5
            region: { width: 0.1 }
            limits: { heldout: { fpr: { max: 0.9 } } }
            regression: { baseline: baseline.json, limits: { heldout.fpr: { max_increase: 0.01 } } }
            """);
        var blessed = QgateProcess.Run(directory.Path, "bless");
        Assert.True(blessed.ExitCode == ExitCodes.Passed, blessed.All);

        var config = ConfigLoader.Load(directory.File("qualitygate.yml"));
        var partials = Enumerable.Range(1, 2).Select(i =>
        {
            var path = directory.File($"partial-{i}.json");
            File.WriteAllBytes(path, PartialJson.Serialize(ShardRunner.Run(config, new ShardSpec(i, 2), mine: false)));
            return (Partial: PartialJson.Read(path, $"partial-{i}.json"), Display: $"partial-{i}.json");
        }).ToList();

        // Each shard hashed its two parts' rows without their scores; together they are the baseline's hash.
        Assert.All(partials.SelectMany(p => p.Partial.HeldoutParts!), part => Assert.StartsWith("rows:", part.Sha256, StringComparison.Ordinal));
        var all = DataFile.Open(config.Data.Heldout, "heldout-parts", null, config.Data.HeldoutLocation);
        Assert.Equal(BaselineJson.Read(directory.File("baseline.json"), "baseline").HeldoutSha256, ContentHash.OfHeldoutFromParts(all, partials.Select(p => p.Partial.HeldoutParts)));

        // A part rewritten after the shards read it is not seen by the merge, which reads no row,
        // but is by a merge of partials without part hashes, which reads every row.
        var part = directory.File(Path.Combine("heldout-parts", "part-00001.csv"));
        var rows = File.ReadAllLines(part);
        File.WriteAllLines(part, [rows[0], .. rows.Skip(1).Reverse()]);
        Assert.Equal(ExitCodes.Passed, QualityGate.Verbs.Merge.Run(config, partials).ExitCode);
        var older = partials.Select(p => (p.Partial with { HeldoutParts = null }, p.Display)).ToList();
        var changed = Assert.Throws<DataException>(() => QualityGate.Verbs.Merge.Run(config, older));
        Assert.Contains("changed since the baseline was blessed", changed.Message, StringComparison.Ordinal);
    }
}
