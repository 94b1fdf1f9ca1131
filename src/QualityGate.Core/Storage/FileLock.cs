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
            catch (IOException) when (clock.Elapsed < timeout && IsHeldByAnother(path))
            {
                Thread.Sleep(50);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataException(ErrorCodes.LockTimeout,
                    IsHeldByAnother(path) ? $"Another qgate run has held '{path}' for {timeout.TotalSeconds:0} s." : $"'{path}' cannot be locked: {e.Message}",
                    new SourceLocation(path, 0, 0), inner: e);
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    private static bool IsHeldByAnother(string path) => File.Exists(path);
}
