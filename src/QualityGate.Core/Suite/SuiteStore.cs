using QualityGate.Data;
using QualityGate.Storage;

namespace QualityGate.Suite;

/// <summary>
/// Changes the suite file safely: under the folder's OS lock, re-read the file (another run may
/// have changed it since this run scored it), apply the change, and write the result atomically,
/// and only if its bytes differ.
/// </summary>
public static class SuiteStore
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    public sealed record Update<T>(T Outcome, string? HashBefore, string? HashAfter);

    public static Update<T> Change<T>(
        string path,
        string displayPath,
        char separator,
        IReadOnlyList<string> dataColumns,
        string labelColumn,
        LabelMatcher labels,
        Func<SuiteDocument, (SuiteDocument Document, T Outcome)> change)
    {
        using var folderLock = FileLock.Acquire(Path.GetDirectoryName(Path.GetFullPath(path))!, LockTimeout);
        Storage.InputFile.RequireFileOrAbsent(path, displayPath, "suite", new Errors.SourceLocation(displayPath, 0, 0));

        var before = File.Exists(path) ? File.ReadAllBytes(path) : null;
        var current = before is null ? SuiteDocument.Empty(dataColumns) : SuiteFile.Read(path, displayPath, separator, labelColumn, labels);
        var (document, outcome) = change(current);
        var after = SuiteFile.Render(document, separator);
        if (before is null ? document.Items.Count > 0 : !before.AsSpan().SequenceEqual(after))
        {
            AtomicFile.Write(path, after);
        }
        else
        {
            after = before ?? [];
        }

        return new Update<T>(outcome, Hash(before), before is null && after.Length == 0 ? null : Hash(after));
    }

    public static string? Hash(byte[]? content) =>
        content is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
