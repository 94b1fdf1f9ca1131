using System.Security.Cryptography;
using QualityGate.Storage;

namespace QualityGate.Tests.Support;

public static class Hashes
{
    /// <summary>
    /// Every file under the folder with its SHA-256: a created, deleted or changed file shows.
    /// A FIFO or device is listed by its kind, never read (reading a FIFO would block).
    /// </summary>
    public static Dictionary<string, string> Of(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(root, path), path => FileKind.NotRegular(path) ?? Hash(path));

    private static string Hash(string path)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (IOException e)
        {
            // A symbolic link loop, say: listed by what reading it says.
            return e.Message;
        }
    }
}
