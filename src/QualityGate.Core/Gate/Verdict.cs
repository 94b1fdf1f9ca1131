namespace QualityGate.Gate;

public enum Verdict
{
    Passed,
    Failed,

    /// <summary>Too few examples to inform the decision; never shown as passed.</summary>
    Inconclusive,
}
