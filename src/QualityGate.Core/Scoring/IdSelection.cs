namespace QualityGate.Scoring;

/// <summary>
/// Which rows of a pass keep their ids: a rule of score and label known before the pass (the
/// known operating point's wrong and in-region rows, every row, none), or, for a quantile region
/// around a fixed threshold before any bless, the wrong rows and those the region may hold.
/// That region's bounds are known only once every row is scored, so the rows it may hold are
/// chosen as they come (<see cref="NearestRows"/>) instead of keeping every row's id.
/// </summary>
public sealed class IdSelection
{
    /// <summary>How much more than the estimated rows the nearest rows are kept for: a file whose later rows are shorter has more rows than its first ones suggest.</summary>
    private const double EstimateMargin = 1.25;

    private readonly Func<double, bool, bool> _rule;
    private readonly double _threshold;
    private readonly double _quantile;

    private IdSelection(Func<double, bool, bool> rule, double threshold = 0, double quantile = 0) =>
        (_rule, _threshold, _quantile) = (rule, threshold, quantile);

    public static IdSelection Every { get; } = new((_, _) => true);

    public static IdSelection None { get; } = new((_, _) => false);

    public static IdSelection Where(Func<double, bool, bool> rule) => new(rule);

    /// <summary>The rows wrong at a fixed threshold (predicted positive at or above it) and those a region of <paramref name="quantile"/> of the rows on each side of it may hold.</summary>
    public static IdSelection WrongOrNearest(double threshold, double quantile) =>
        new((score, positive) => score >= threshold != positive, threshold, quantile);

    /// <summary>Whether the rows are chosen as they come, in file order: then a pass identifies every row and keeps the chosen ones' ids.</summary>
    internal bool ChosenInOrder => _quantile > 0;

    /// <summary>
    /// A fresh choice for one read of a file of about <paramref name="estimatedRows"/> rows. With
    /// no estimate (a compressed file's size says little), rows chosen in order would be chosen for
    /// too few: every row's id is kept, as it was before rows were chosen so.
    /// </summary>
    internal IdChoice Start(long estimatedRows) => !ChosenInOrder ? new(_rule, null)
        : estimatedRows <= 0 ? IdChoice.Of((_, _) => true)
        : new(_rule, new NearestRows(_threshold, _quantile, (int)Math.Min(int.MaxValue - 1, Math.Ceiling(_quantile * estimatedRows * EstimateMargin))));
}
