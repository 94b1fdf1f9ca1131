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
        if (FileKind.NotRegular(path) is { } kind)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The {role} '{displayPath}' is {kind}, not a regular file.", configuredAt, "Point the config at a file on disk.");
        }
    }
}
