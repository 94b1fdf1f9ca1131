using System.Runtime.InteropServices;

namespace QualityGate.Storage;

/// <summary>
/// What kind of file a path names. Only regular files are read as inputs: a FIFO blocks the
/// reader forever, and a device such as <c>/dev/zero</c> never ends. .NET reports both as
/// ordinary files, so on Linux the kind comes from <c>statx(2)</c>, whose layout is the same on
/// every architecture; elsewhere every existing file is taken as regular.
/// </summary>
public static partial class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    /// <returns>Null for a regular file (or where the kind cannot be told); otherwise what it is, in words.</returns>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer[ModeOffset..]) & 0xF000;
        return mode switch
        {
            0x8000 or 0x4000 => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
