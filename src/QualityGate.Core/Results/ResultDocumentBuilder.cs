using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Regression;

namespace QualityGate.Results;

/// <summary>
/// Turns a run's <see cref="GateResult"/> into the <see cref="ResultDocument"/> every surface
/// renders: paths as the config displays them, NaN as null, ids sorted, each decision with
/// its severity and code decided here once.
/// </summary>
public static class ResultDocumentBuilder
{
    public static ResultDocument From(GateResult result)
    {
        var config = result.Config;
        var point = result.OperatingPoint;
        var statistics = config.Statistics;
        return new ResultDocument(
            ResultDocument.SchemaName,
            ResultDocument.CurrentVersion,
            result.Verdict,
            result.ExitCode,
            Path.GetFileName(config.ConfigPath),
            new ModelSection(result.Model.Kind, result.Model.DisplayPath, result.Model.Sha256, result.Model.Loading, result.Model.ScoreColumn, result.Model.ScoresAreProbabilities),
            new ThresholdSection(Finite(point.Threshold), point.ThresholdSource, "predicted positive iff score >= threshold"),
            new RegionSection(config.Region.Kind == RegionKind.Width ? "width" : "quantile", Finite(config.Region.Parameter), Finite(point.RegionLow), Finite(point.RegionHigh)),
            new StatisticsSection(
                Wording.YamlName(statistics.Evidence),
                statistics.Confidence,
                "one-sided at the confidence, each",
                statistics.IntervalMethod == IntervalMethod.ClopperPearson ? "clopper_pearson" : "wilson",
                statistics.MinCount,
                statistics.BootstrapSamples,
                statistics.BootstrapSeed,
                statistics.Inconclusive.ToString().ToLowerInvariant(),
                statistics.Multiplicity.ToString().ToLowerInvariant()),
            [.. result.Limits.Select(outcome => Limit(outcome, config))],
            new RegressionSection(result.BaselinePath, [.. result.Regression.Select(check => Check(check, config))]),
            SuiteSections.From(result.Suite),
            [.. result.Sets.Select(DataSet)],
            SliceSections.From(result),
            ExplainSections.From(result.Explanation),
            result.Warnings);
    }

    private static LimitDecision Limit(LimitOutcome outcome, GateConfig config)
    {
        var limit = outcome.Limit;
        return new LimitDecision(
            limit.DataSet,
            limit.Metric.ToString(),
            Finite(limit.Min),
            Finite(limit.Max),
            Wording.YamlName(outcome.Evidence),
            outcome.MinCount,
            outcome.Verdict,
            Severities.Of(outcome.Verdict, config.Statistics.Inconclusive),
            outcome.Verdict == Verdict.Inconclusive ? ErrorCodes.LimitInconclusive : ErrorCodes.LimitBroken,
            outcome.Message,
            Finite(outcome.DecidedOn),
            Finite(outcome.PValue),
            Finite(outcome.AdjustedPValue),
            outcome.Needed,
            outcome.Value is { } value ? Cell(value) : null,
            Source(limit.Location, config));
    }

    private static CheckDecision Check(RegressionOutcome check, GateConfig config) => new(
        check.Limit.Key,
        check.Basis,
        Wording.YamlName(check.Evidence),
        Finite(check.Limit.MaxIncrease),
        Finite(check.Limit.MaxDecrease),
        Finite(check.Limit.Max),
        Finite(check.Limit.Min),
        check.Limit.Relative,
        Finite(check.Baseline),
        Finite(check.Candidate),
        Finite(check.Change),
        Finite(check.ChangeBounds?.Lower),
        Finite(check.ChangeBounds?.Upper),
        Finite(check.Allowed),
        check.Compared,
        check.Regressed,
        check.Fixed,
        Finite(check.McNemarPValue),
        Finite(check.PValue),
        Finite(check.HolmPValue),
        config.Statistics.Multiplicity == Multiplicity.Holm ? Finite(check.HolmPValue) : null,
        check.Verdict,
        Severities.Of(check.Verdict, config.Statistics.Inconclusive),
        check.Verdict == Verdict.Inconclusive ? ErrorCodes.LimitInconclusive : ErrorCodes.RegressionBroken,
        check.Message,
        Source(check.Limit.Location, config));

    private static DataSetSection DataSet(SetEvaluation set) => new(
        set.Name,
        set.DisplayPath,
        Confusion(set.Confusion),
        Confusion(set.Region),
        Metrics(set.Metrics),
        new CurvesSection(
            [.. set.Curves.Roc.Select(p => new RocPoint(Finite(p.X), Finite(p.Y), Finite(p.Threshold)))],
            [.. set.Curves.PrecisionRecall.Select(p => new PrecisionRecallPoint(Finite(p.X), Finite(p.Y), Finite(p.Threshold)))]),
        new HistogramSection(set.Histogram.Low, set.Histogram.High, set.Histogram.Positives, set.Histogram.Negatives),
        new ExamplesSection(set.WrongIds, set.RegionIds));

    internal static Dictionary<string, MetricCell> Metrics(IEnumerable<MetricValue> metrics) =>
        metrics.ToDictionary(m => m.Metric.ToString(), Cell, StringComparer.Ordinal);

    internal static MetricCell Cell(MetricValue metric) => new(
        Finite(metric.Value),
        metric.Successes,
        metric.Successes is null ? null : metric.Trials,
        Finite(metric.Bounds.Lower),
        Finite(metric.Bounds.Upper),
        metric.Method,
        metric.Unavailable);

    private static ConfusionSection Confusion(ConfusionCounts counts) =>
        new(counts.TruePositives, counts.FalsePositives, counts.TrueNegatives, counts.FalseNegatives);

    private static SourceLine Source(SourceLocation location, GateConfig config) =>
        new(config.Display(location.File), location.Line, location.Column);

    /// <summary>JSON has no NaN or infinity: an unknown number is null.</summary>
    internal static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
