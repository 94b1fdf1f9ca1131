using System.Text.Json.Serialization;
using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>
/// The result of a run as one document: what <c>qualitygate-result.json</c> holds and what every
/// surface renders (console, MSBuild, JUnit, Markdown, HTML, Code Quality, <c>qgate report</c>).
/// Written and read by the same types (<see cref="ResultJson"/>), so a report rendered later from
/// the file shows exactly what the run showed. Property order is declaration order: the same run
/// gives the same bytes. Numbers JSON cannot hold (NaN) are null.
/// </summary>
public sealed record ResultDocument(
    string Schema,
    int SchemaVersion,
    Verdict Verdict,
    int ExitCode,
    string Config,
    ModelSection Model,
    ThresholdSection Threshold,
    RegionSection Region,
    StatisticsSection Statistics,
    IReadOnlyList<LimitDecision> Limits,
    RegressionSection Regression,
    SuiteSection? Suite,
    IReadOnlyList<DataSetSection> DataSets,
    SlicesSection? Slices,
    ExplainSection? Explain,
    IReadOnlyList<string> Warnings)
{
    public const string SchemaName = "qualitygate-result";
    public const int CurrentVersion = 1;

    /// <summary>The first section every reader relies on that the file lacks (a result of another tool, or cut short); null when none is missing.</summary>
    public string? MissingSection()
    {
        object?[] sections = [Model, Threshold, Region, Statistics, Limits, Regression, DataSets, Warnings];
        string[] names = ["model", "threshold", "region", "statistics", "limits", "regression", "dataSets", "warnings"];
        if (Array.FindIndex(sections, s => s is null) is var index and >= 0)
        {
            return names[index];
        }

        return Limits.Any(l => l.Source is null || l.Message is null) ? "limits[].source"
            : Regression.Checks is null ? "regression.checks"
            : Regression.Checks.Any(c => c.Source is null || c.Message is null) ? "regression.checks[].source"
            : DataSets.Any(d => d.Confusion is null || d.RegionConfusion is null || d.Metrics is null || d.Curves is null || d.Histogram is null || d.Examples is null) ? "dataSets[].confusion"
            : null;
    }

    /// <summary>Every decision that did not pass, limits first, in the order the config lists them.</summary>
    [JsonIgnore]
    public IEnumerable<IDecision> Findings =>
        Limits.Cast<IDecision>().Concat(Regression.Checks).Where(d => d.Verdict != Verdict.Passed);
}

/// <summary>What was scored: its kind, file and content hash, and the score column read.</summary>
public sealed record ModelSection(string Kind, string? Path, string? Sha256, string Loading, string ScoreColumn, bool ScoresAreProbabilities)
{
    /// <summary>How reports name the model.</summary>
    [JsonIgnore]
    public string Display => Path ?? "precomputed scores";
}

public sealed record ThresholdSection(double? Value, string Source, string Rule);

public sealed record RegionSection(string Kind, double? Parameter, double? Low, double? High);

/// <param name="Multiplicity">Null in results written before the family-wise correction.</param>
public sealed record StatisticsSection(
    string Evidence,
    double Confidence,
    string Bounds,
    string Interval,
    int MinCount,
    int BootstrapSamples,
    int BootstrapSeed,
    string Inconclusive,
    string? Multiplicity);

/// <summary>The checks against the blessed baseline.</summary>
public sealed record RegressionSection(string? Baseline, IReadOnlyList<CheckDecision> Checks);

/// <summary>Where in the YAML a decision was configured.</summary>
public sealed record SourceLine(string File, int Line, int Column);
