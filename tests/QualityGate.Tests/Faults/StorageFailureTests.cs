using System.Diagnostics;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Faults;

/// <summary>
/// A full disk (a small tmpfs) and an unwritable folder (a read-only bind mount: the tests run as
/// root, so file modes would block nothing) are errors with exit code 3, never partial files.
/// </summary>
public sealed class StorageFailureTests
{
    [Fact]
    public void A_full_disk_is_an_error_and_leaves_no_partial_suite()
    {
        using var sample = new SampleCopy(withSuite: false, withBaseline: false);
        var quality = Path.Combine(sample.Root, "quality");
        using var mount = Mount.Tmpfs(quality, sizeKiB: 4);

        var result = QgateProcess.Run(sample.Root, "mine");

        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("hard-negatives.csv' could not be written, and is unchanged", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(sample.SuitePath));
        Assert.Empty(Directory.GetFiles(quality, "*.tmp"));
    }

    [Fact]
    public void A_read_only_folder_is_an_error_and_changes_nothing()
    {
        using var sample = new SampleCopy();
        sample.EditConfig(yaml => yaml.Replace("max_new: 100", "max_new: 1000", StringComparison.Ordinal));
        File.WriteAllLines(sample.SuitePath, File.ReadLines(sample.SuitePath).Take(20).ToList());
        var quality = Path.Combine(sample.Root, "quality");
        var before = Directory.GetFiles(quality).ToDictionary(f => f, File.ReadAllBytes);
        using var mount = Mount.ReadOnly(quality);

        var mine = QgateProcess.Run(sample.Root, "mine");
        Assert.Equal(ExitCodes.ModelOrData, mine.ExitCode);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(mine.StandardError, @"quality/\.qualitygate\.lock: error QG3015: .*cannot be locked, so nothing was written"), mine.StandardError);

        var bless = QgateProcess.Run(sample.Root, "bless", "--force");
        Assert.Equal(ExitCodes.ModelOrData, bless.ExitCode);

        Assert.Equal(before.Keys.Order(), Directory.GetFiles(quality).Order());
        foreach (var (path, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void An_unwritable_report_folder_is_an_error()
    {
        using var sample = new SampleCopy();
        var reports = Path.Combine(sample.Root, "reports");
        Directory.CreateDirectory(reports);
        using var mount = Mount.ReadOnly(reports);
        var result = QgateProcess.Run(sample.Root, "check", "--report-dir", "reports");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("error QG3012", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(reports));
    }

    /// <summary>A mount made for one test and undone after it.</summary>
    private sealed class Mount : IDisposable
    {
        private readonly string _path;

        private Mount(string path) => _path = path;

        public static Mount Tmpfs(string path, int sizeKiB)
        {
            Directory.CreateDirectory(path);
            Run("mount", "-t", "tmpfs", "-o", $"size={sizeKiB}k", "tmpfs", path);
            return new Mount(path);
        }

        public static Mount ReadOnly(string path)
        {
            Run("mount", "--bind", path, path);
            Run("mount", "-o", "remount,bind,ro", path);
            return new Mount(path);
        }

        public void Dispose() => Run("umount", _path);

        private static void Run(string command, params string[] args)
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed (these tests need root, as CI has): {error}");
        }
    }
}
