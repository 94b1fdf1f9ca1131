using System.Globalization;
using System.Text;
using Microsoft.ML.Data;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Init;

/// <summary>
/// Writes a starting <c>qualitygate.yml</c> measured on the model: columns, label, a threshold,
/// a threshold region, absolute limits and the checks against the baseline.
/// <para>
/// The absolute limits are floors and ceilings a model of today's quality passes: each sits at
/// today's one-sided <see cref="PlacementConfidence"/> bound, so a same-quality model on a fresh
/// sample of the same size fails it about 1% of the time or less (the fresh estimate and today's
/// differ by sqrt(2) standard errors; the limit allows 2.33 plus the 1.64 of the candidate's own
/// bound). "No worse than today" is left to the paired regression checks, which compare the same
/// examples and so see a small change that two independent samples cannot.
/// </para>
/// </summary>
public static class ConfigProposer
{
    /// <summary>The confidence of today's bound that a proposed limit is placed at.</summary>
    public const double PlacementConfidence = 0.99;

    /// <summary>Fewer errors than this on either side of the threshold make its rates rest on too little.</summary>
    public const int MinEvents = 10;

    /// <summary>A region limit needs this many examples of its denominator in the region (the default min_count).</summary>
    public const int MinRegionExamples = 30;

    private static readonly string[] ProposedMetrics = ["fpr", "recall", "auc", "region.error_rate", "region.fpr"];

    private static readonly double[] RegionQuantiles = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

    public static string Propose(InitOptions options, Action<string>? progress = null)
    {
        var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!;
        string Relative(string path) => Path.GetRelativePath(outputDirectory, Path.GetFullPath(path)).Replace('\\', '/');

        var data = DataFile.Open(Path.GetFullPath(options.DataPath), options.DataPath, null, new SourceLocation(options.DataPath, 0, 0));
        data.Require(options.LabelColumn, "label");
        var labelYaml = LabelYaml(options);
        var inputsYaml = options.ModelPath is null ? string.Empty : InputsYaml(options, data, outputDirectory, Relative);

        var modelYaml = options.ModelPath is null
            ? "model: { kind: scores }\n"
            : $"model:\n  path: {Quote(Relative(options.ModelPath))}\n{inputsYaml}";
        var idYaml = options.IdColumn is null ? string.Empty : $"id: {Quote(options.IdColumn)}\n";
        string Skeleton(double threshold, double quantile) =>
            $"version: 1\n{modelYaml}{labelYaml}{idYaml}data:\n  heldout: {Quote(Relative(options.DataPath))}\n" +
            "  # Hard negatives mined from held-out and field data ('qgate mine'); list field data under feedback.\n" +
            "  suite: quality/hard-negatives.csv\n" +
            $"threshold: {Format(threshold)}\nregion: {{ quantile: {Format(quantile)} }}\n";

        // The config without limits, scored for real once, so the proposal is measured; each
        // threshold and region tried is measured on those scores.
        var evaluation = Pipeline.Evaluate(RunInputs.Open(Parse(Skeleton(0.5, RegionQuantiles[0])), BaselineUse.Ignore), progress);
        SetEvaluation Probe(double threshold, double quantile) => evaluation.HeldoutAt(Parse(Skeleton(threshold, quantile)));
        GateConfig Parse(string yaml) => ConfigLoader.Parse(yaml, options.OutputPath);

        // Raw margins: 0 is the trainer's own decision boundary.
        var natural = evaluation.Model.ScoresAreProbabilities ? 0.5 : 0;
        var (threshold, thresholdNote) = ChooseThreshold(natural, Probe(natural, RegionQuantiles[0]));
        // The narrowest region that holds enough examples, else the widest tried: each measured once.
        var (quantile, probe) = (0.0, (SetEvaluation?)null);
        foreach (var q in RegionQuantiles)
        {
            (quantile, probe) = (q, Probe(threshold, q));
            if (RegionHoldsEnough(probe.Region))
            {
                break;
            }
        }

        return Render(Skeleton(threshold, quantile), probe!, thresholdNote);
    }

    /// <summary>
    /// The model's natural threshold (0.5 for probabilities, 0 for raw margins), unless it is
    /// degenerate on this data: fewer than <see cref="MinEvents"/> positives predicted positive,
    /// or recall under 0.5 (on imbalanced data 0.5 can flag almost nothing). Then the threshold
    /// that maximises F1 on the held-out set, read off its precision-recall curve.
    /// </summary>
    private static (double Threshold, string Note) ChooseThreshold(double natural, SetEvaluation heldout)
    {
        var confusion = heldout.Confusion;
        var recall = confusion.Positives == 0 ? 0 : (double)confusion.TruePositives / confusion.Positives;
        if (confusion.TruePositives >= MinEvents && recall >= 0.5)
        {
            return (natural, $"the model's own decision boundary; recall there is {Format(recall)}");
        }

        var best = heldout.Curves.PrecisionRecall
            .Where(p => p.X + p.Y > 0 && double.IsFinite(p.Threshold))
            .OrderByDescending(p => 2 * p.X * p.Y / (p.X + p.Y))
            .ThenBy(p => p.Threshold)
            .FirstOrDefault();
        if (best.X + best.Y == 0)
        {
            return (natural, "the model's own decision boundary");
        }

        var chosen = Math.Round(best.Threshold, 4);
        return (chosen, $"the threshold of highest F1 on the held-out set ({Format(2 * best.X * best.Y / (best.X + best.Y))}); at {Format(natural)} recall was only {Format(recall)} ({confusion.TruePositives} of {confusion.Positives} positives flagged)");
    }

    /// <summary>Enough examples in the region for both region rates to be limited.</summary>
    private static bool RegionHoldsEnough(ConfusionCounts region) =>
        RegionShortfall(region, "region.fpr") is null && RegionShortfall(region, "region.error_rate") is null;

    /// <summary>
    /// Why a region rate cannot be limited, or null: its denominator needs at least
    /// <see cref="MinRegionExamples"/> examples, with at least <see cref="MinEvents"/> on each side
    /// of the rate (a rate resting on 2 events moves by half with one more).
    /// </summary>
    private static string? RegionShortfall(ConfusionCounts region, string metric)
    {
        var (events, total, what) = metric == "region.fpr"
            ? (region.FalsePositives, region.Negatives, "negatives")
            : (region.Errors, region.Total, "examples");
        return total < MinRegionExamples ? $"the region holds only {total} {what} (at least {MinRegionExamples} are needed)"
            : events < MinEvents || total - events < MinEvents ? $"its {total} {what} in the region hold {events} mistakes and {total - events} correct calls (at least {MinEvents} of each are needed)"
            : null;
    }

    private static string Render(string skeleton, SetEvaluation heldout, string thresholdNote)
    {
        var confusion = heldout.Confusion;
        var region = heldout.Region;
        var text = new StringBuilder();
        text.Append(ConfigSchema.ModelineComment).Append('\n');
        text.Append("# QualityGate configuration, written by 'qgate init'. Reference: docs/configuration.md in the QualityGate repository.\n");
        var quantileText = skeleton[(skeleton.IndexOf("quantile: ", StringComparison.Ordinal) + 10)..].Split(' ')[0];
        text.Append(skeleton
            .Replace("threshold:", $"# Predicted positive iff score >= threshold: {thresholdNote}.\nthreshold:", StringComparison.Ordinal)
            .Replace("region:", $"# The threshold region: the {Format(double.Parse(quantileText, CultureInfo.InvariantCulture) * 100)}% of held-out examples closest to the threshold on each side ({region.Total} examples, {region.Negatives} negatives).\nregion:", StringComparison.Ordinal));
        foreach (var (events, what) in new[] { (confusion.FalsePositives, "false positives"), (confusion.FalseNegatives, "false negatives") })
        {
            if (events < MinEvents)
            {
                text.Append(CultureInfo.InvariantCulture, $"# Warning: only {events} {what} at this threshold; limits on the rates they make rest on very few events. More held-out data would help.\n");
            }
        }

        text.Append("# A limit fails only when its confidence bound is past it, so noise does not fail the build;\n");
        text.Append("# the run's decisions share Holm's correction, so many limits do not multiply false alarms.\n");
        text.Append("evidence: significant\nconfidence: 0.95\n");
        text.Append(CultureInfo.InvariantCulture, $"# Each limit sits at today's {Format(PlacementConfidence * 100)}% bound: a model of today's quality passes it (it fails about 1% of\n");
        text.Append("# fresh samples or fewer); a clearly worse model fails. Smaller changes are the regression checks' job.\n");
        text.Append("limits:\n  heldout:\n");
        AppendLimits(text, heldout);
        text.Append("""
            # Negatives scoring at or above threshold - margin are mined, hardest first.
            mining: { margin: 0.05, max_new: 200, max_size: 5000, suspect_above: 0.98 }
            regression:
              # Written by 'qgate bless'; until then regression checks are skipped with a warning.
              # Remove allow_missing once the baseline is committed.
              baseline: quality/baseline.json
              allow_missing: true
              limits:
                # Compared example by example with the blessed model: fails only when significantly worse.
                # No more legitimate examples flagged than the blessed model flagged.
                heldout.fpr: { max_increase: 0.0 }
                # No more positives missed than the blessed model missed.
                heldout.recall: { max_decrease: 0.0 }
                # The close calls: no more negatives flagged among the blessed region's examples.
                heldout.region.fpr: { max_increase: 0.0 }
                # The suite's hard examples: newly wrong against newly right, so retrain churn cancels out
                # and re-breaking the mistakes the blessed model had fixed fails.
                suite.error_rate: { max_increase: 0.0 }
                # Pinned items ('qgate suite pin ID'): confirmed mistakes, each one back fails the build.
                suite.pinned_regressed: { max: 0 }
            reports:
              directory: artifacts/qualitygate

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        return text.ToString();
    }

    /// <summary>Each proposed limit at today's <see cref="PlacementConfidence"/> bound, with what it protects; region limits without enough examples are left out, saying why.</summary>
    private static void AppendLimits(StringBuilder text, SetEvaluation heldout)
    {
        var region = heldout.Region;
        foreach (var name in ProposedMetrics)
        {
            var metric = heldout.Find(new MetricName(name));
            if (metric is null || metric.Unavailable is not null || metric.BoundsAt is not { } boundsAt)
            {
                continue;
            }

            var isMax = name is "fpr" or "region.error_rate" or "region.fpr";
            var isRegion = name.StartsWith("region.", StringComparison.Ordinal);
            if (isRegion && RegionShortfall(region, name) is { } shortfall)
            {
                text.Append(CultureInfo.InvariantCulture, $"    # {name}: left out, {shortfall}\n");
                continue;
            }

            var placed = boundsAt(PlacementConfidence);
            var bound = isMax ? RoundUp(placed.Upper) : RoundDown(placed.Lower);
            text.Append(CultureInfo.InvariantCulture, $"    # {Protects(name)}: today {Format(metric.Value)}{Counts(metric)}, {Format(PlacementConfidence * 100)}% bound {Format(isMax ? placed.Upper : placed.Lower)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    {name}: {{ {(isMax ? "max" : "min")}: {Format(bound)} }}\n");
        }
    }

    private static string Protects(string metric) => metric switch
    {
        "fpr" => "Legitimate examples flagged (false-positive rate)",
        "recall" => "Positives caught (recall)",
        "auc" => "Ranking of positives above negatives (AUC)",
        "region.error_rate" => "Mistakes among the close calls (region error rate)",
        "region.fpr" => "Legitimate examples flagged among the close calls (region FPR)",
        _ => metric,
    };

    private static string LabelYaml(InitOptions options)
    {
        var column = Quote(options.LabelColumn);
        var positive = options.Positive is null ? "\"1\", \"true\"" : Quote(options.Positive);
        var negative = options.Negative is null ? "\"0\", \"false\"" : Quote(options.Negative);
        return $"label: {{ column: {column}, positive: [{positive}], negative: [{negative}] }}\n";
    }

    /// <summary>Vector inputs not named in the header are proposed as the range of the remaining columns, when the sizes agree.</summary>
    private static string InputsYaml(InitOptions options, DataFile data, string outputDirectory, Func<string, string> relative)
    {
        var config = ConfigLoader.Parse($"version: 1\nmodel: {{ path: {Quote(relative(options.ModelPath!))} }}\nlabel: {Quote(options.LabelColumn)}\ndata: {{ heldout: {Quote(relative(options.DataPath))} }}\nthreshold: 0.5\nregion: {{ width: 0.1 }}\n", Path.Combine(outputDirectory, "qualitygate.yml"));
        var model = Scorers.Create(config);

        // An ONNX model's outputs have no fixed names: say which one is the score.
        var scoreYaml = config.Model.Kind == ModelKind.Onnx
            ? $"  # The model output read as the score ({(model.ScoresAreProbabilities ? "a probability" : "a raw score")}); with one value per class, positive_class picks the column.\n  score_column: {Quote(model.ScoreColumnName)}\n"
            : string.Empty;
        if (model.DeclaredInputs is not { } inputs)
        {
            return scoreYaml;
        }

        var candidates = data.Columns.Where(c => c != options.LabelColumn && c != options.IdColumn && inputs.GetColumnOrNull(c) is null).ToList();
        var lines = new StringBuilder();
        foreach (var input in inputs.Where(c => !c.IsHidden && c.Type is VectorDataViewType { Size: > 1 } && data.IndexOf(c.Name) < 0))
        {
            var size = ((VectorDataViewType)input.Type).Size;
            if (candidates.Count != size)
            {
                throw new DataException(ErrorCodes.ModelSchemaMismatch,
                    $"The model input '{input.Name}' is a vector of {size} values, and '{options.DataPath}' has {candidates.Count} other columns: which ones feed it cannot be guessed.",
                    new SourceLocation(options.DataPath, 1, 0),
                    $"Write the config by hand with 'model.inputs: {{ {input.Name}: first..last }}'.");
            }

            lines.Append(CultureInfo.InvariantCulture, $"    {input.Name}: {Quote($"{candidates[0]}..{candidates[^1]}")}\n");
        }

        return scoreYaml + (lines.Length == 0 ? string.Empty : "  # Model input vectors and the CSV columns that fill them, first..last in header order.\n  inputs:\n" + lines);
    }

    private static string Counts(MetricValue metric) => metric.Successes is { } k ? $" ({k} of {metric.Trials})" : string.Empty;

    private static double RoundUp(double value) => Math.Min(1, Math.Ceiling(value * 10000) / 10000);

    private static double RoundDown(double value) => Math.Max(0, Math.Floor(value * 10000) / 10000);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
