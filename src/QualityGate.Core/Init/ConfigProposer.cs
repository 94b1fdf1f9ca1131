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
/// Writes a starting <c>qualitygate.yml</c>: columns, label, threshold, region, and limits set
/// at today's performance. The limits use <c>evidence: significant</c>, so the confidence bounds
/// supply the tolerance: the same model passes, a model significantly worse than today fails.
/// </summary>
public static class ConfigProposer
{
    private static readonly string[] ProposedMetrics = ["fpr", "recall", "auc", "region.error_rate", "region.fpr"];

    public static string Propose(InitOptions options, Action<string>? progress = null)
    {
        var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!;
        string Relative(string path) => Path.GetRelativePath(outputDirectory, Path.GetFullPath(path)).Replace('\\', '/');

        var data = DataFile.Open(Path.GetFullPath(options.DataPath), options.DataPath, null, new SourceLocation(options.DataPath, 0, 0));
        data.Require(options.LabelColumn, "label");
        var labelYaml = LabelYaml(options);
        var inputsYaml = options.ModelPath is null ? string.Empty : InputsYaml(options, data, outputDirectory, Relative);

        // First pass: the same config without limits, run for real, so the proposal is measured.
        var modelYaml = options.ModelPath is null
            ? "model: { kind: scores }\n"
            : $"model:\n  path: {Quote(Relative(options.ModelPath))}\n{inputsYaml}";
        var idYaml = options.IdColumn is null ? string.Empty : $"id: {Quote(options.IdColumn)}\n";
        var skeleton = $"version: 1\n{modelYaml}{labelYaml}{idYaml}data:\n  heldout: {Quote(Relative(options.DataPath))}\n" +
            "  # Hard negatives mined from held-out and field data ('qgate mine'); list field data under feedback.\n" +
            "  suite: quality/hard-negatives.csv\n" +
            "threshold: 0.5\nregion: { quantile: 0.05 }\n";
        var probe = GateRunner.Run(ConfigLoader.Parse(skeleton, options.OutputPath), progress);
        if (!probe.Model.ScoresAreProbabilities)
        {
            // Raw margins: threshold 0 is the trainer's own decision boundary.
            skeleton = skeleton.Replace("threshold: 0.5", "threshold: 0", StringComparison.Ordinal);
            probe = GateRunner.Run(ConfigLoader.Parse(skeleton, options.OutputPath), progress);
        }

        return Render(skeleton, probe);
    }

    private static string Render(string skeleton, GateResult probe)
    {
        var heldout = probe.Sets[0];
        var text = new StringBuilder();
        text.Append("# QualityGate configuration, written by 'qgate init'. Reference: the README's configuration section.\n");
        text.Append(skeleton
            .Replace("threshold:", "# Predicted positive iff score >= threshold.\nthreshold:", StringComparison.Ordinal)
            .Replace("region:", "# The threshold region: the 5% of held-out examples closest to the threshold on each side.\nregion:", StringComparison.Ordinal));
        text.Append("# Fail a limit only when the confidence bound is past it, so noise does not fail the build.\n");
        text.Append("evidence: significant\nconfidence: 0.95\n");
        text.Append("limits:\n  heldout:\n");
        foreach (var name in ProposedMetrics)
        {
            var metric = heldout.Find(new MetricName(name));
            if (metric is null || metric.Unavailable is not null)
            {
                continue;
            }

            var isMax = name is "fpr" or "region.error_rate" or "region.fpr";
            var bound = isMax ? RoundUp(metric.Value) : RoundDown(metric.Value);
            text.Append(CultureInfo.InvariantCulture, $"    # today {Format(metric.Value)}{Counts(metric)}, 95% bounds [{Format(metric.Bounds.Lower)}, {Format(metric.Bounds.Upper)}]: fails when significantly {(isMax ? "higher" : "lower")}\n");
            text.Append(CultureInfo.InvariantCulture, $"    {name}: {{ {(isMax ? "max" : "min")}: {Format(bound)} }}\n");
        }

        text.Append("""
            # Negatives scoring at or above threshold - margin are mined, hardest first.
            mining: { margin: 0.05, max_new: 200, max_size: 5000, suspect_above: 0.98 }
            regression:
              # Written by 'qgate bless'; until then regression checks are skipped with a warning.
              # Remove allow_missing once the baseline is committed.
              baseline: quality/baseline.json
              allow_missing: true
              limits:
                # Compared example by example with the blessed model; fails only when significantly worse.
                heldout.fpr: { max_increase: 0.0 }
                heldout.recall: { max_decrease: 0.0 }
                heldout.region.fpr: { max_increase: 0.0 }
                # A fixed mistake must stay fixed.
                suite.regressed: { max: 0 }
            reports:
              directory: artifacts/qualitygate

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        return text.ToString();
    }

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
        var model = GateRunner.CreateScorer(config);

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
