using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scale;

/// <summary>The shard and merge commands through the real program, as a CI matrix runs them.</summary>
public sealed class ShardCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public ShardCommandTests()
    {
        _directory.Write("data/part-0.csv", "Label,f,Probability\n1,1,0.9\n0,2,0.45\n0,3,0.1\n");
        _directory.Write("data/part-1.csv", "Label,f,Probability\n1,4,0.8\n0,5,0.7\n1,6,0.3\n");
        _directory.Write("data/part-2.csv", "Label,f,Probability\n0,7,0.2\n1,8,0.95\n0,9,0.55\n");
        _directory.Write("qualitygate.yml", """
            version: 1
            model: { kind: scores }
            label: Label
            data: { heldout: data, suite: suite.csv }
            threshold: 0.5
            region: { width: 0.1 }
            limits:
              heldout:
                fpr: { max: 0.5 }
            mining: { margin: 0.1, max_new: 10, max_size: 100 }
            reports: { directory: out }
            """);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Shards_then_merge_give_the_verdict_and_suite_of_a_single_check()
    {
        for (var i = 1; i <= 2; i++)
        {
            var shard = QgateProcess.Run(_directory.Path, "check", "--shard", $"{i}/2", "--update-suite");
            Assert.True(shard.ExitCode == ExitCodes.Passed, shard.All);
            Assert.Contains($"Shard {i}/2: ", shard.StandardOutput, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(_directory.File("suite.csv")), "a shard must not write the suite");
        var merged = QgateProcess.Run(_directory.Path, "merge", "out/partial-1-of-2.json", "out/partial-2-of-2.json", "--update-suite");
        Assert.True(merged.ExitCode == ExitCodes.Passed, merged.All);
        Assert.Contains("Merged from 2 shards", merged.All, StringComparison.Ordinal);
        var mergedSuite = File.ReadAllText(_directory.File("suite.csv"));

        File.Delete(_directory.File("suite.csv"));
        var single = QgateProcess.Run(_directory.Path, "check", "--update-suite");
        Assert.Equal(ExitCodes.Passed, single.ExitCode);
        Assert.Equal(File.ReadAllText(_directory.File("suite.csv")), mergedSuite);
        Assert.Contains("fpr", merged.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_partial_or_shard_is_a_clear_error_that_names_it()
    {
        _directory.Write("broken.json", "{ \"schema\": \"qualitygate-partial\", ");
        var broken = QgateProcess.Run(_directory.Path, "merge", "broken.json");
        Assert.Equal(ExitCodes.ModelOrData, broken.ExitCode);
        Assert.StartsWith("broken.json: error QG3", broken.StandardError, StringComparison.Ordinal);
        Assert.Contains("is not a valid partial result", broken.StandardError, StringComparison.Ordinal);

        var tooMany = QgateProcess.Run(_directory.Path, "check", "--shard", "1/4");
        Assert.Equal(ExitCodes.UsageOrConfiguration, tooMany.ExitCode);
        Assert.Contains("cannot be split into 4 shards", tooMany.StandardError, StringComparison.Ordinal);

        var notAShard = QgateProcess.Run(_directory.Path, "check", "--shard", "3/2");
        Assert.Equal(ExitCodes.UsageOrConfiguration, notAShard.ExitCode);
        Assert.Contains("write i/n with 1 <= i <= n", notAShard.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory.File("out")));
    }
}
