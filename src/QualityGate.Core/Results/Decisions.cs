using System.Text.Json.Serialization;
using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>
/// What every decision carries, whatever decided it: the verdict, how loudly it is reported,
/// its diagnostic code, the sentence that explains it and the YAML line that configured it.
/// The console, MSBuild, JUnit, Markdown and Code Quality all report findings through this.
/// </summary>
public interface IDecision
{
    /// <summary>What was decided, as a finding names it: <c>heldout fpr</c>, <c>regression suite.error_rate</c>.</summary>
    string Subject { get; }

    Verdict Verdict { get; }

    Severity Severity { get; }

    string Code { get; }

    string Message { get; }

    SourceLine Source { get; }
}

/// <summary>A limit on one data set's metric, decided.</summary>
public sealed record LimitDecision(
    string DataSet,
    string Metric,
    double? Min,
    double? Max,
    string Evidence,
    int MinCount,
    Verdict Verdict,
    Severity Severity,
    string Code,
    string Message,
    double? DecidedOn,
    double? P,
    double? AdjustedP,
    long? ExamplesNeeded,
    MetricCell? Value,
    SourceLine Source) : IDecision
{
    [JsonIgnore]
    public string Subject => $"{DataSet} {Metric}";
}

/// <summary>A check of the candidate against the baseline, decided.</summary>
public sealed record CheckDecision(
    string Check,
    string Basis,
    string Evidence,
    double? MaxIncrease,
    double? MaxDecrease,
    double? Max,
    double? Min,
    bool Relative,
    double? BaselineValue,
    double? CandidateValue,
    double? Change,
    double? ChangeLower,
    double? ChangeUpper,
    double? Allowed,
    long? Compared,
    long? NewlyCounted,
    long? NoLongerCounted,
    double? McnemarP,
    double? P,
    double? AdjustedP,
    double? HolmP,
    Verdict Verdict,
    Severity Severity,
    string Code,
    string Message,
    SourceLine Source) : IDecision
{
    [JsonIgnore]
    public string Subject => $"regression {Check}";
}

/// <summary>A metric's value with its counts (for a proportion) and its bounds.</summary>
public sealed record MetricCell(
    double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? K,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? N,
    double? Lower,
    double? Upper,
    string Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unavailable)
{
    /// <summary>A count is exact: it has no bounds to show.</summary>
    [JsonIgnore]
    public bool IsExact => Method == "exact";
}
