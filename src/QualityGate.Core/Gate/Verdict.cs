namespace QualityGate.Gate;

public enum Verdict
{
    Passed,
    Failed,

    /// <summary>Too few examples to inform the decision; never shown as passed.</summary>
    Inconclusive,
}

public static class Verdicts
{
    /// <summary>The verdict of several decisions: failed if any failed, else inconclusive if any is, else passed; null for none.</summary>
    public static Verdict? Combine(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToList();
        return all.Count == 0 ? null
            : all.Contains(Verdict.Failed) ? Verdict.Failed
            : all.Contains(Verdict.Inconclusive) ? Verdict.Inconclusive
            : Verdict.Passed;
    }
}
