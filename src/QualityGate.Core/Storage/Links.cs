namespace QualityGate.Storage;

/// <summary>Where a path ends, through symbolic links: one answer for readers, writers and the output guard.</summary>
public static class Links
{
    /// <summary>
    /// The full path of the file a path ends at, through any symbolic links; the path itself
    /// (made full) when it is no link or does not exist yet.
    /// </summary>
    /// <exception cref="IOException">A link loop (or a link that cannot be read).</exception>
    public static string FinalTargetOrThrow(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Nothing there (yet): the path is where it would be.
            return full;
        }
    }

    /// <summary>The same, with a loop or unreadable link answered by the path itself.</summary>
    public static string FinalTarget(string path)
    {
        try
        {
            return FinalTargetOrThrow(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }
}
