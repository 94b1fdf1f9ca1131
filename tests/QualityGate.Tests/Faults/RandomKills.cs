using System.Diagnostics;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Faults;

/// <summary>
/// Kills a command with SIGKILL at seeded random moments, again and again, and checks after each
/// kill that the kept file is whole: exactly as it was, or exactly as an uninterrupted run writes it.
/// </summary>
internal static class RandomKills
{
    public const int KillsPerCommand = 50;

    /// <returns>The number of processes killed (each iteration that finished first does not count).</returns>
    /// <param name="runTime">How long an uninterrupted run takes: kill moments are drawn from all of it.</param>
    public static int Run(SampleCopy sample, string keptFile, byte[]? before, byte[] after, Action reset, TimeSpan runTime, int seed, params string[] args)
    {
        var random = new Random(seed);
        // Runs vary with the machine's load; drawing from most of a typical run keeps nearly every attempt a kill.
        var window = Math.Max(50, (int)(runTime.TotalMilliseconds * 0.8));
        var kills = 0;
        for (var attempt = 0; kills < KillsPerCommand && attempt < KillsPerCommand * 4; attempt++)
        {
            using var process = QgateProcess.Start(sample.Root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1764460800" }, args);
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();

            // Any moment of the run, from start-up to the final rename.
            Thread.Sleep(random.Next(10, window));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            process.WaitForExit();
            var now = File.Exists(keptFile) ? File.ReadAllBytes(keptFile) : null;
            Assert.True(
                (before is null ? now is null : now is not null && now.AsSpan().SequenceEqual(before)) || (now is not null && now.AsSpan().SequenceEqual(after)),
                $"after kill {kills} the file is neither the old nor the new one ({now?.Length ?? -1} bytes)");
            reset();
        }

        return kills;
    }

    /// <summary>After all the kills, a plain run still works, writes the expected bytes, and leaves no temporary files.</summary>
    public static void NextRunWorks(SampleCopy sample, string keptFile, byte[] after, params string[] args)
    {
        var result = QgateProcess.Run(sample.Root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1764460800" }, args);
        Assert.True(result.ExitCode == ExitCodes.Passed, result.All);
        Assert.Equal(after, File.ReadAllBytes(keptFile));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(keptFile)!, "*.tmp"));
    }
}

public sealed class MineKillTests
{
    [Fact]
    public void Mine_killed_at_random_moments_never_leaves_a_partial_suite()
    {
        using var reference = new SampleCopy(withSuite: false, withBaseline: false);
        var clock = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(reference.Root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1764460800" }, "mine").ExitCode);
        var runTime = clock.Elapsed;
        var after = File.ReadAllBytes(reference.SuitePath);

        using var sample = new SampleCopy(withSuite: false, withBaseline: false);
        var kills = RandomKills.Run(sample, sample.SuitePath, null, after, () => File.Delete(sample.SuitePath), runTime, seed: 11, "mine");
        Assert.Equal(RandomKills.KillsPerCommand, kills);
        RandomKills.NextRunWorks(sample, sample.SuitePath, after, "mine");
    }
}

public sealed class BlessKillTests
{
    [Fact]
    public void Bless_killed_at_random_moments_never_leaves_a_partial_baseline()
    {
        using var reference = new SampleCopy();
        var clock = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(reference.Root, "bless", "--force", "--model", reference.WeakModel).ExitCode);
        var runTime = clock.Elapsed;
        var after = File.ReadAllBytes(reference.BaselinePath);

        using var sample = new SampleCopy();
        var before = File.ReadAllBytes(sample.BaselinePath);
        Assert.NotEqual(before, after);
        var kills = RandomKills.Run(sample, sample.BaselinePath, before, after, () => File.WriteAllBytes(sample.BaselinePath, before), runTime, seed: 12, "bless", "--force", "--model", sample.WeakModel);
        Assert.Equal(RandomKills.KillsPerCommand, kills);
        RandomKills.NextRunWorks(sample, sample.BaselinePath, after, "bless", "--force", "--model", sample.WeakModel);
    }
}
