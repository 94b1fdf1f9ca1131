using QualityGate.Errors;

namespace QualityGate.Storage;

/// <summary>The checks every file qgate reads goes through first.</summary>
public static class InputFile
{
    /// <summary>
    /// Refuses a FIFO, device or socket where a file belongs (it would block or never end),
    /// naming the config line that points at it.
    /// </summary>
    public static void RequireRegular(string path, string displayPath, string role, SourceLocation configuredAt)
    {
        RequireNoLinkLoop(path, displayPath, role, configuredAt);
        if (FileKind.NotRegular(path) is { } kind)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The {role} '{displayPath}' is {kind}, not a regular file.", configuredAt, "Point the config at a file on disk.");
        }
    }

    /// <summary>
    /// A kept file (the suite) may not exist yet, but where it exists it is a regular file: a
    /// folder or a link loop at its path is an error, never "no suite yet".
    /// </summary>
    public static void RequireFileOrAbsent(string path, string displayPath, string role, SourceLocation configuredAt)
    {
        RequireNoLinkLoop(path, displayPath, role, configuredAt);
        if (Directory.Exists(path))
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The {role} '{displayPath}' is a folder, not a file.", configuredAt, "Point the config at a file (it is written if it does not exist yet).");
        }

        if (File.Exists(path))
        {
            RequireRegular(path, displayPath, role, configuredAt);
        }
    }

    private static void RequireNoLinkLoop(string path, string displayPath, string role, SourceLocation configuredAt)
    {
        try
        {
            _ = Links.FinalTargetOrThrow(path);
        }
        catch (IOException e)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The {role} '{displayPath}' cannot be followed: {e.Message.Trim().TrimEnd('.')}.", configuredAt, "Fix the symbolic link.", e);
        }
    }
}
