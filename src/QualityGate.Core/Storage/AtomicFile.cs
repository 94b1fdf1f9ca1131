using QualityGate.Errors;

namespace QualityGate.Storage;

/// <summary>
/// Replaces a kept file whole or not at all: the new content goes to a temporary file in the
/// same folder, is flushed to disk, then renamed over the old one (atomic on one file system).
/// A crash before the rename leaves the old file; after it, the new one; never half of either.
/// A kept file stays what it was: through a symbolic link the link's target is replaced (the
/// link stays a link), and the old file's permissions carry over to the new one.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <summary>
    /// The same, with the content streamed by <paramref name="write"/>, so a large file is never
    /// held in memory whole. If <paramref name="write"/> fails, the temporary file is removed and
    /// the old file stays as it was.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        // A link loop or a dangling link: the path itself is written, replacing the link, as before.
        path = Links.FinalTarget(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            RemoveStaleTemporaries(folder, Path.GetFileName(path));
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            FaultPoints.Reach(FaultPoints.AfterTemporaryWrite);
            FaultPoints.Reach(FaultPoints.BeforeRename);
            File.Move(temporary, path, overwrite: true);
        }
        catch (QualityGateException)
        {
            // The content could not be made (a bad row, say): nothing is replaced.
            TryDelete(temporary);
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new DataException(ErrorCodes.OutputNotWritable, $"'{path}' could not be written, and is unchanged: {e.Message}", new SourceLocation(path, 0, 0), inner: e);
        }
    }

    /// <summary>Temporary files left by runs that were killed before their rename (their process is gone).</summary>
    private static void RemoveStaleTemporaries(string folder, string name)
    {
        foreach (var candidate in Directory.EnumerateFiles(folder, $".{name}.*.tmp"))
        {
            var pidText = Path.GetFileName(candidate)[(name.Length + 2)..^4];
            if (int.TryParse(pidText, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(candidate);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next writer to clean up.
        }
    }
}
