using QualityGate.Errors;

namespace QualityGate.Configuration;

/// <summary>Everything a <c>qualitygate.yml</c> says, validated, with paths made absolute.</summary>
public sealed record GateConfig(
    string ConfigPath,
    ModelSettings Model,
    LabelSettings Label,
    string? IdColumn,
    DataSettings Data,
    ThresholdSettings Threshold,
    RegionSettings Region,
    StatisticsSettings Statistics,
    IReadOnlyList<LimitSettings> Limits,
    ReportSettings Reports,
    MiningSettings Mining,
    RegressionSettings? Regression,
    ExplainSettings Explain,
    SliceSettings? Slices = null)
{
    /// <summary>The folder that relative paths in the config are resolved against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(ConfigPath))!;

    /// <summary>A path as the user should read it: relative to the config folder, with forward slashes.</summary>
    public string Display(string absolutePath) =>
        Path.GetRelativePath(BaseDirectory, absolutePath).Replace('\\', '/');
}

public enum ModelKind
{
    /// <summary>An ML.NET model zip.</summary>
    MlNet,

    /// <summary>No model: the data files carry the candidate's score column.</summary>
    Scores,

    /// <summary>An ONNX model, scored with ONNX Runtime.</summary>
    Onnx,
}

/// <summary>The model and how its inputs and score are found.</summary>
/// <param name="Inputs">Model input column to CSV columns, for vector inputs that span several columns.</param>
/// <param name="PositiveClass">When the score output holds one value per class (an ONNX probability tensor or map), the positive class's index or key.</param>
public sealed record ModelSettings(
    ModelKind Kind,
    string? Path,
    string? ScoreColumn,
    IReadOnlyDictionary<string, ColumnSelection> Inputs,
    SourceLocation Location,
    int PositiveClass = 1)
{
    /// <summary>Assemblies with the model's custom components (a <c>CustomMapping</c> factory, a user's transformer), loaded before the model.</summary>
    public IReadOnlyList<DataSource> Assemblies { get; init; } = [];

    /// <summary>
    /// The building project's own output, which the MSBuild task passes (<c>--project-assembly</c>)
    /// because a team's custom components usually live there. Registered like
    /// <see cref="Assemblies"/> when it loads; passed whether or not the model needs it, so one
    /// that does not load is skipped (a model that needs it then names its missing component).
    /// </summary>
    public string? ProjectAssembly { get; init; }

    /// <summary>The kind a model file is, by its extension: <c>.onnx</c> is ONNX, anything else an ML.NET zip.</summary>
    public static ModelKind KindOf(string path) =>
        path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? ModelKind.Onnx : ModelKind.MlNet;
}

/// <summary>Which CSV columns feed a model input: a range <c>first..last</c> by header name, or a list.</summary>
public sealed record ColumnSelection(string? First, string? Last, IReadOnlyList<string> Names, SourceLocation Location);

/// <summary>
/// The label column and its values. Values compare case-insensitively after trimming, so
/// <c>1</c>, <c>true</c> and <c>spam</c> can all mean positive; any value in neither list is a data error.
/// </summary>
public sealed record LabelSettings(string Column, IReadOnlyList<string> Positive, IReadOnlyList<string> Negative);

/// <param name="Feedback">Labelled field data (for example mail users reported as wrongly flagged), mined but not gated.</param>
/// <param name="SuiteScores">With <c>kind: scores</c>: a file of <c>qg_id</c> and the candidate's score for each suite item.</param>
/// <param name="Training">The model's training data, which <c>qgate export-training</c> extends with the suite.</param>
public sealed record DataSettings(string Heldout, string? Suite, char? Separator, SourceLocation HeldoutLocation, SourceLocation? SuiteLocation, IReadOnlyList<DataSource> Feedback, DataSource? SuiteScores = null, DataSource? Training = null);

/// <summary>A data file named in the config, with the place it was named.</summary>
public sealed record DataSource(string Path, SourceLocation Location);

public enum ThresholdTarget
{
    AtFpr,
    AtPrecision,
    AtRecall,
}

/// <summary>Either a fixed threshold or a target that chooses one on the held-out set.</summary>
public sealed record ThresholdSettings(double? Value, ThresholdTarget? Target, double TargetValue, SourceLocation Location)
{
    public static ThresholdSettings Fixed(double value, SourceLocation location) => new(value, null, 0, location);

    public static ThresholdSettings ForTarget(ThresholdTarget target, double value, SourceLocation location) => new(null, target, value, location);
}

public enum RegionKind
{
    /// <summary>Scores in [t - d, t + d].</summary>
    Width,

    /// <summary>A band holding a fraction q of the held-out examples on each side of t.</summary>
    Quantile,
}

public sealed record RegionSettings(RegionKind Kind, double Parameter, SourceLocation Location);

public enum Evidence
{
    /// <summary>Decide on the estimate alone.</summary>
    Point,

    /// <summary>Fail only when the whole confidence bound is past the limit: no flapping on noise.</summary>
    Significant,

    /// <summary>Pass only when the whole confidence bound is within the limit: release gates.</summary>
    Demonstrated,
}

public enum IntervalMethod
{
    Wilson,
    ClopperPearson,
}

public enum InconclusivePolicy
{
    Warn,
    Fail,
}

public sealed record StatisticsSettings(
    Evidence Evidence,
    double Confidence,
    IntervalMethod IntervalMethod,
    InconclusivePolicy Inconclusive,
    int MinCount,
    int BootstrapSamples,
    int BootstrapSeed,
    Multiplicity Multiplicity = Multiplicity.Holm);

/// <summary>How the statistical decisions of one run are corrected for their number.</summary>
public enum Multiplicity
{
    /// <summary>Holm's step-down correction across every limit and check of the run (each evidence mode its own family).</summary>
    Holm,

    /// <summary>Each decision at the configured confidence on its own.</summary>
    None,
}

/// <summary>One limit on one metric of one data set, with the YAML place it came from.</summary>
public sealed record LimitSettings(
    string DataSet,
    MetricName Metric,
    double? Min,
    double? Max,
    Evidence? Evidence,
    int? MinCount,
    SourceLocation Location);

public enum ReportFormat
{
    Json,
    Junit,
    Markdown,
    Html,

    /// <summary>GitLab's Code Quality report (<c>codequality</c>).</summary>
    Codequality,
}

public sealed record ReportSettings(string Directory, IReadOnlyList<ReportFormat> Formats);

/// <summary>
/// How hard examples are mined into the suite. Negatives scoring at or above threshold - margin
/// are candidates, hardest first; at most <see cref="MaxNew"/> join per run and the suite keeps
/// at most <see cref="MaxSize"/> items.
/// </summary>
/// <param name="SuspectAbove">Negatives scoring at or above this are quarantined as likely mislabelled.</param>
/// <param name="Positives">Also mine hard positives: positives scoring below threshold + margin.</param>
public sealed record MiningSettings(double Margin, int MaxNew, int MaxSize, double? SuspectAbove, bool Positives)
{
    public static MiningSettings Default { get; } = new(0.05, 200, 5000, null, false);
}

/// <summary>The blessed baseline and the checks against it.</summary>
/// <param name="AllowMissing">Run the gate without regression checks when the baseline file does not exist yet.</param>
/// <param name="BaselineModel">The blessed model, so suite items added after blessing are scored by both models.</param>
/// <param name="ResolveThresholdPerCandidate">Resolve a threshold target on each candidate instead of using the blessed threshold.</param>
public sealed record RegressionSettings(
    string Baseline,
    SourceLocation Location,
    bool AllowMissing,
    string? BaselineModel,
    bool ResolveThresholdPerCandidate,
    IReadOnlyList<RegressionLimitSettings> Limits);

/// <summary>
/// A check against the baseline: <c>max_increase</c> / <c>max_decrease</c> (absolute, or relative
/// to the baseline value), or <c>max</c> / <c>min</c> for the counts <c>suite.regressed</c> and <c>suite.fixed</c>.
/// </summary>
public sealed record RegressionLimitSettings(
    string DataSet,
    MetricName Metric,
    double? MaxIncrease,
    double? MaxDecrease,
    double? Max,
    double? Min,
    bool Relative,
    Evidence? Evidence,
    SourceLocation Location)
{
    public string Key => $"{DataSet}.{Metric}";
}

/// <summary>What <c>qgate explain</c> computes; see docs/configuration.md.</summary>
/// <param name="Top">Features shown in the console table and drawn in the report.</param>
/// <param name="Sample">At most this many examples per group (hard negatives, easy negatives, positives) and in the region, drawn with the seed.</param>
/// <param name="Repeats">Shuffles per feature group for the region importance; the changes are averaged.</param>
/// <param name="MaxGroups">A vector input of more slots is permuted in this many groups of neighbouring slots.</param>
/// <param name="Ignore">Columns that are no features (dates, free text, bookkeeping).</param>
public sealed record ExplainSettings(int Top, int Sample, int Repeats, int Seed, int MaxGroups, IReadOnlyList<string> Ignore)
{
    public static ExplainSettings Default { get; } = new(10, 10_000, 3, 0, 64, []);
}

/// <summary>
/// Per-slice limits: each value of a slice column (or each named group of values) is a slice;
/// every limit and regression check under <c>slices</c> is decided on every slice of its data set.
/// </summary>
/// <param name="MinSize">A slice with fewer examples is inconclusive: reported, never passed.</param>
/// <param name="MaxNewPerSlice">Mining takes at most this many new items from each slice of the first column.</param>
public sealed record SliceSettings(
    IReadOnlyList<SliceColumn> Columns,
    int MinSize,
    IReadOnlyList<LimitSettings> Limits,
    IReadOnlyList<RegressionLimitSettings> Regression,
    int? MaxNewPerSlice,
    SourceLocation Location);

/// <summary>A column that slices the data: one slice per value, or per named group of values (the rest in "other").</summary>
public sealed record SliceColumn(string Column, IReadOnlyDictionary<string, string>? Groups, SourceLocation Location)
{
    public const string Other = "other";
    public const string Missing = "(missing)";

    /// <summary>The slice a row's value puts it in, as reports name it: <c>column=value</c> or <c>column=group</c>.</summary>
    public string SliceOf(string value)
    {
        var trimmed = value.Trim();
        var name = trimmed.Length == 0 ? Missing
            : Groups is null ? trimmed
            : Groups.TryGetValue(trimmed, out var group) ? group : Other;
        return $"{Column}={name}";
    }
}
