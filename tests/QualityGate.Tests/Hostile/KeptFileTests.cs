using System.Diagnostics;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Hostile;

/// <summary>Kept files stay what they were, and the config's own file is checked before it is read.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeptFileTests
{
    [Fact]
    public void A_suite_behind_a_symlink_is_rewritten_at_its_target_and_keeps_its_mode()
    {
        using var sample = new SampleCopy();
        var target = Path.Combine(sample.Root, "shared-suite.csv");
        File.Move(sample.SuitePath, target);
        File.CreateSymbolicLink(sample.SuitePath, target);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var before = File.ReadAllBytes(target);

        // A review decision rewrites the suite through the link.
        var id = File.ReadLines(target).Skip(1).Select(l => l.Split(',')).First(f => f[59] == "active")[58];
        var pin = QgateProcess.Run(sample.Root, "suite", "pin", id);
        Assert.True(pin.ExitCode == ExitCodes.Passed, pin.All);
        Assert.Equal(target, new FileInfo(sample.SuitePath).LinkTarget);
        Assert.NotEqual(before, File.ReadAllBytes(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.Contains($"{id},pinned,", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_that_is_a_fifo_or_a_device_is_refused_without_reading_it()
    {
        using var sample = new SampleCopy();
        var fifo = Path.Combine(sample.Root, "pipe.yml");
        Fifo.Make(fifo);

        var pipe = QgateProcess.Run(sample.Root, "check", "-c", "pipe.yml");
        Assert.Equal(ExitCodes.UsageOrConfiguration, pipe.ExitCode);
        Assert.Contains("pipe.yml: error QG2006: The configuration 'pipe.yml' is a FIFO (named pipe), not a regular file.", pipe.StandardError, StringComparison.Ordinal);

        var zero = QgateProcess.Run(sample.Root, "check", "-c", "/dev/zero");
        Assert.Equal(ExitCodes.UsageOrConfiguration, zero.ExitCode);
        Assert.Contains("is a character device, not a regular file", zero.StandardError, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(sample.Root, "big.yml"), "version: 1\n# " + new string('x', 2 << 20) + "\n");
        var big = QgateProcess.Run(sample.Root, "check", "-c", "big.yml");
        Assert.Equal(ExitCodes.UsageOrConfiguration, big.ExitCode);
        Assert.Contains("a configuration is at most 1,048,576", big.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_training_replaces_neither_the_config_nor_an_existing_file_without_force()
    {
        using var sample = new SampleCopy();
        var config = File.ReadAllBytes(sample.ConfigPath);
        var onConfig = QgateProcess.Run(sample.Root, "export-training", "-o", "qualitygate.yml", "--force");
        Assert.Equal(ExitCodes.UsageOrConfiguration, onConfig.ExitCode);
        Assert.Contains("is the configuration, which the config reads", onConfig.StandardError, StringComparison.Ordinal);
        Assert.Equal(config, File.ReadAllBytes(sample.ConfigPath));

        File.WriteAllText(Path.Combine(sample.Root, "extended.csv"), "kept\n");
        var existing = QgateProcess.Run(sample.Root, "export-training", "-o", "extended.csv");
        Assert.Equal(ExitCodes.UsageOrConfiguration, existing.ExitCode);
        Assert.Contains("'extended.csv' already exists", existing.StandardError, StringComparison.Ordinal);
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(sample.Root, "extended.csv")));

        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "export-training", "-o", "extended.csv", "--force").ExitCode);
        Assert.StartsWith("Label,", File.ReadAllText(Path.Combine(sample.Root, "extended.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_in_a_suite_is_refused_at_its_line_not_read_to_the_end()
    {
        using var sample = new SampleCopy();
        var lines = File.ReadAllLines(sample.SuitePath).ToList();
        lines.Insert(3, "\"" + string.Join("\n", Enumerable.Repeat(new string('x', 1000), 2000)));
        File.WriteAllLines(sample.SuitePath, lines);
        var before = Hashes.Of(sample.Root);
        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("A quoted field that starts on line 4 of", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("runs past 1,048,576 characters", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Hashes.Of(sample.Root));
    }

    [Fact]
    public void No_command_writes_its_output_over_an_input_and_none_reads_a_fifo()
    {
        using var sample = new SampleCopy();
        var parts = Path.Combine(sample.Root, "parts");
        Directory.CreateDirectory(parts);
        var heldout = File.ReadAllLines(Path.Combine(sample.Root, "data", "heldout.csv"));
        File.WriteAllLines(Path.Combine(parts, "part-0.csv"), heldout[..500]);
        File.WriteAllLines(Path.Combine(parts, "part-1.csv"), [heldout[0], .. heldout[500..]]);
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: parts", StringComparison.Ordinal));
        Fifo.Make(Path.Combine(sample.Root, "pipe.json"));

        var before = Hashes.Of(sample.Root);
        var init = QgateProcess.Run(sample.Root, "init", "--model", "model/spam.zip", "--data", "data/heldout.csv", "--label", "Label", "-o", "data/heldout.csv", "--force");
        Assert.Equal(ExitCodes.UsageOrConfiguration, init.ExitCode);
        Assert.Contains("'data/heldout.csv' is the data init reads", init.StandardError, StringComparison.Ordinal);

        var shard = QgateProcess.Run(sample.Root, "check", "--shard", "1/2", "--partial", "parts/part-0.csv");
        Assert.Equal(ExitCodes.UsageOrConfiguration, shard.ExitCode);
        Assert.Contains("is the held-out data, which the config reads: the partial result would replace it", shard.StandardError, StringComparison.Ordinal);

        var merge = QgateProcess.Run(sample.Root, "merge", "pipe.json");
        Assert.Equal(ExitCodes.ModelOrData, merge.ExitCode);
        Assert.Contains("The partial result 'pipe.json' is a FIFO (named pipe)", merge.StandardError, StringComparison.Ordinal);

        var report = QgateProcess.Run(sample.Root, "report", "--result", "pipe.json");
        Assert.Equal(ExitCodes.ModelOrData, report.ExitCode);
        Assert.Contains("The result 'pipe.json' is a FIFO (named pipe)", report.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Hashes.Of(sample.Root));
    }

    [Fact]
    public void An_alias_bomb_is_refused_in_well_under_a_second_of_work()
    {
        using var sample = new SampleCopy();
        sample.EditConfig(yaml => yaml + Catalogue.Edit.AliasBomb(9));
        var clock = Stopwatch.StartNew();
        var result = QgateProcess.Run(sample.Root, "check");
        clock.Stop();
        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);

        // A whole process, start-up included; before the fix this ran past 60 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{clock.Elapsed}");
    }
}
