using QualityGate.Metrics;

namespace QualityGate.Slices;

/// <summary>How a slice stands against the baseline's record of slices.</summary>
public enum SliceStatus
{
    /// <summary>In the data, and in the baseline (or there is no baseline to compare with).</summary>
    Present,

    /// <summary>In the data, not in the baseline: nothing to compare it with yet.</summary>
    New,

    /// <summary>In the baseline, not in the data any more: reported, never silently dropped.</summary>
    Missing,
}

/// <summary>One slice of one data set: its size, its metrics (null when missing), and whether it is too small to decide.</summary>
/// <param name="Name"><c>column=value</c>.</param>
/// <param name="Members">The ids of the slice's examples, when the run identified every example (for per-slice regression checks).</param>
public sealed record SliceResult(string DataSet, string Column, string Name, long Count, long Positives, bool TooSmall, SliceStatus Status, SetEvaluation? Evaluation, IReadOnlySet<string>? Members = null)
{
    /// <summary>How limits and checks on this slice are named: <c>heldout[provider=gmail]</c>.</summary>
    public string Label => $"{DataSet}[{Name}]";

    /// <summary>What a slice table says besides the numbers: new, missing, or too small to decide.</summary>
    public string Note => Status switch
    {
        SliceStatus.Missing => "missing: in the baseline, not in the data",
        SliceStatus.New => TooSmall ? "new; too small to decide" : "new: not in the baseline",
        _ => TooSmall ? "too small to decide" : string.Empty,
    };
}
