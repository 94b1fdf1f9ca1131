using System.Diagnostics;
using QualityGate.Errors;

namespace QualityGate.Storage;

/// <summary>
/// An operating-system lock on a folder's kept files (suite, baseline), held through a file
/// named <c>.qualitygate.lock</c> in that folder. On Linux and macOS .NET takes it with flock,
/// on Windows with a share-none handle: either way the kernel releases it when the process
/// ends, even by SIGKILL, so a crashed run never leaves the folder locked. The file itself is
/// only the handle, never a marker, and is left in place.
/// </summary>
public sealed class FileLock : IDisposable
{
    public const string FileName = ".qualitygate.lock";
    private readonly FileStream _handle;

    private FileLock(FileStream handle) => _handle = handle;

    public static FileLock Acquire(string folder, TimeSpan timeout)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                FaultPoints.Reach(FaultPoints.HoldingLock);
                return new FileLock(handle);
            }
            catch (IOException e) when (IsHeldByAnother(e) && clock.Elapsed < timeout)
            {
                Thread.Sleep(50);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataException(ErrorCodes.LockTimeout,
                    e is IOException io && IsHeldByAnother(io) ? $"Another qgate run has held '{path}' for {timeout.TotalSeconds:0} s." : $"'{path}' cannot be locked, so nothing was written: {e.Message}",
                    new SourceLocation(path, 0, 0), inner: e);
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>
    /// Contention, as opposed to a folder that cannot hold the file at all (read-only, missing):
    /// flock's EWOULDBLOCK (11) on Linux and macOS, a sharing violation (32) on Windows.
    /// </summary>
    private static bool IsHeldByAnother(IOException e) => e.HResult == 11 || e.HResult == 35 || (e.HResult & 0xFFFF) == 32;
}
