using System.Security.Cryptography;

namespace QualityGate.Tests.Support;

public static class Hashes
{
    /// <summary>Every file under the folder with its SHA-256: a created, deleted or changed file shows.</summary>
    public static Dictionary<string, string> Of(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(root, path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
}
