using System.Diagnostics;
using QualityGate.Errors;
using QualityGate.Storage;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Faults;

/// <summary>
/// Kept files survive crashes and concurrency: the process is killed (SIGKILL) at each named
/// fault point, and several miners run at once on one suite.
/// </summary>
public sealed class FaultPointTests
{
    private static readonly Dictionary<string, string> FixedDate = new() { ["SOURCE_DATE_EPOCH"] = "1764460800" };

    public static TheoryData<string> Points => [.. FaultPoints.All];

    [Theory]
    [MemberData(nameof(Points))]
    public void Mine_killed_at_a_fault_point_leaves_the_suite_whole_and_the_next_run_works(string point)
    {
        using var reference = new SampleCopy(withSuite: false, withBaseline: false);
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(reference.Root, FixedDate, "mine").ExitCode);
        var expected = File.ReadAllBytes(reference.SuitePath);

        using var sample = new SampleCopy(withSuite: false, withBaseline: false);
        KillAt(point, sample.Root, "mine");
        Assert.False(File.Exists(sample.SuitePath), "before the rename the old state (no suite) must stand");

        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, FixedDate, "mine").ExitCode);
        Assert.Equal(expected, File.ReadAllBytes(sample.SuitePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(sample.SuitePath)!, "*.tmp"));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Bless_killed_at_a_fault_point_keeps_the_old_baseline_whole(string point)
    {
        using var sample = new SampleCopy();
        var old = File.ReadAllBytes(sample.BaselinePath);
        sample.EditConfig(yaml => yaml.Replace("recall: { min: 0.90 }", "recall: { min: 0.5 }", StringComparison.Ordinal));
        var weak = sample.WeakModel;
        sample.EditConfig(yaml => yaml.Replace("path: model/spam.zip", "path: model/spam-weak.zip", StringComparison.Ordinal));
        KillAt(point, sample.Root, "bless", "--force");
        Assert.Equal(old, File.ReadAllBytes(sample.BaselinePath));

        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "bless", "--force").ExitCode);
        Assert.NotEqual(old, File.ReadAllBytes(sample.BaselinePath));
        Assert.Contains(Path.GetFileName(weak), File.ReadAllText(sample.BaselinePath), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(sample.BaselinePath)!, "*.tmp"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Concurrent_miners_on_disjoint_feedback_files_end_with_the_union_of_their_items(int miners)
    {
        using var sample = new SampleCopy(withSuite: false, withBaseline: false);
        var feedback = File.ReadAllLines(Path.Combine(sample.Root, "data", "feedback.csv"));
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < miners; i++)
        {
            var part = feedback.Skip(1).Where((_, row) => row % miners == i);
            File.WriteAllLines(Path.Combine(sample.Root, "data", $"feedback-{i}.csv"), [feedback[0], .. part]);
            File.WriteAllText(Path.Combine(sample.Root, $"miner-{i}.yml"), File.ReadAllText(sample.ConfigPath)
                .Replace("feedback: [data/feedback.csv]", $"feedback: [data/feedback-{i}.csv]", StringComparison.Ordinal));

            // What this miner adds on its own, measured in a copy of its own.
            using var alone = new SampleCopy(withSuite: false, withBaseline: false);
            File.Copy(Path.Combine(sample.Root, "data", $"feedback-{i}.csv"), Path.Combine(alone.Root, "data", $"feedback-{i}.csv"));
            File.Copy(Path.Combine(sample.Root, $"miner-{i}.yml"), Path.Combine(alone.Root, $"miner-{i}.yml"));
            Assert.Equal(ExitCodes.Passed, QgateProcess.Run(alone.Root, FixedDate, "mine", "-c", $"miner-{i}.yml").ExitCode);
            expected.UnionWith(Ids(alone.SuitePath));
        }

        var processes = Enumerable.Range(0, miners).Select(i => QgateProcess.Start(sample.Root, FixedDate, "mine", "-c", $"miner-{i}.yml")).ToList();
        foreach (var process in processes)
        {
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.True(process.ExitCode == 0, await error);
            process.Dispose();
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), Ids(sample.SuitePath));
    }

    /// <summary>Runs qgate until it reports reaching the fault point, then kills it with SIGKILL.</summary>
    private static void KillAt(string point, string root, params string[] args)
    {
        var signal = Path.Combine(root, "fault-reached");
        using var process = QgateProcess.Start(root, new Dictionary<string, string>(FixedDate)
        {
            ["QUALITYGATE_FAULT_POINT"] = point,
            ["QUALITYGATE_FAULT_SIGNAL"] = signal,
        }, args);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(signal) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(20);
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.True(File.Exists(signal), $"the fault point {point} was never reached: {process.StandardError.ReadToEnd()}");
        Assert.Equal(point, File.ReadAllText(signal));
        File.Delete(signal);
    }

    private static List<string> Ids(string suitePath)
    {
        using var reader = QualityGate.Data.CsvRecordReader.Open(suitePath, ',');
        _ = reader.Read();
        var ids = new List<string>();
        while (reader.Read() is { } fields)
        {
            ids.Add(fields[^7]);
        }

        return ids;
    }
}
