using QualityGate.Configuration;
using QualityGate.Data;

namespace QualityGate.Slices;

/// <summary>
/// The slice columns of the data files a run reads, each file's read once: by the file's scoring
/// pass, which reads them with the rest of each row when it can (the fast pass), or else by a text
/// pass of their own the first time they are asked for (ML.NET's loader hands over only the
/// columns the model reads). The run asks after its pass: for mining's balance, then for the
/// per-slice metrics.
/// </summary>
public sealed class SliceSource(IReadOnlyList<SliceColumn> columns)
{
    private readonly Dictionary<string, IReadOnlyList<SliceMembership>> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readByPass = new(StringComparer.Ordinal);

    public IReadOnlyList<SliceColumn> Columns { get; } = columns;

    /// <summary>The memberships a scoring pass read with the file's rows, one per column, in the order of <see cref="Columns"/>.</summary>
    internal void ReadByPass(DataFile file, IReadOnlyList<SliceMembership> memberships)
    {
        _read[file.Path] = memberships;
        _readByPass.Add(file.Path);
    }

    /// <summary>Whether the file's scoring pass read its slices (so no text pass did).</summary>
    public bool WasReadByPass(DataFile file) => _readByPass.Contains(file.Path);

    /// <summary>The file's memberships, one per column: as its pass read them, or read now.</summary>
    public IReadOnlyList<SliceMembership> Of(DataFile file)
    {
        if (!_read.TryGetValue(file.Path, out var memberships))
        {
            memberships = _read[file.Path] = SliceMembership.OfFile(file, Columns);
        }

        return memberships;
    }
}
