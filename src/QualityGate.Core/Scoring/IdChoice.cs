namespace QualityGate.Scoring;

/// <summary>One read's choice of rows to identify, asked once per row in file order (<see cref="Keep"/>).</summary>
internal sealed class IdChoice(Func<double, bool, bool> rule, NearestRows? nearest)
{
    /// <summary>A choice by a rule alone (tests and passes whose rows are known before they come).</summary>
    public static IdChoice Of(Func<double, bool, bool> rule) => new(rule, null);

    /// <summary>Every row's id.</summary>
    public static IdChoice Every { get; } = Of((_, _) => true);

    /// <summary>Whether a row's id may be wanted, on any thread: every row's when they are chosen in order.</summary>
    public bool MayWant(double score, bool positive) => nearest is not null || rule(score, positive);

    /// <summary>Whether to keep the next row's id; every row, in file order, once.</summary>
    public bool Keep(double score, bool positive)
    {
        var near = nearest?.Take(score) ?? false;
        return rule(score, positive) || near;
    }

    /// <summary>Whether a row kept earlier may still be wanted: a row no longer near the threshold never will be again.</summary>
    public bool StillWanted(double score, bool positive) => rule(score, positive) || (nearest?.Near(score) ?? false);

    /// <summary>Whether the rows kept certainly hold the region of a set of <paramref name="rows"/> rows; false when the file had more rows than were allowed for.</summary>
    public bool Covers(int rows) => nearest?.Covers(rows) ?? true;

    /// <summary>Whether rows are dropped later (<see cref="StillWanted"/>): only when they are chosen in order.</summary>
    public bool ChosenInOrder => nearest is not null;
}
