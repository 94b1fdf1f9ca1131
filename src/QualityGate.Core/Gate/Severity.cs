using QualityGate.Configuration;

namespace QualityGate.Gate;

/// <summary>How loudly a decision is reported: an error fails the gate, a warning does not.</summary>
public enum Severity
{
    /// <summary>Passed: nothing to report.</summary>
    None,
    Warning,
    Error,
}

public static class Severities
{
    /// <summary>A failed decision is an error; an inconclusive one is an error only under <c>inconclusive: fail</c>.</summary>
    public static Severity Of(Verdict verdict, InconclusivePolicy inconclusive) => verdict switch
    {
        Verdict.Passed => Severity.None,
        Verdict.Failed => Severity.Error,
        _ => inconclusive == InconclusivePolicy.Fail ? Severity.Error : Severity.Warning,
    };
}
