using System.Globalization;
using System.Security.Cryptography;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Gate;

/// <summary>
/// Runs the gate: scores each data set in one streaming pass, resolves the operating point on
/// the held-out set, computes the metrics and decides every limit.
/// </summary>
public static class GateRunner
{
    public static GateResult Run(GateConfig config, Action<string>? progress = null)
    {
        IModelScorer scorer = config.Model.Kind == ModelKind.MlNet ? MlNetModel.Load(config) : new ScoreFileReader(config);
        var labels = new LabelReader(config.Label);
        var warnings = new List<string>();

        // With a fixed threshold and width the band is known before scoring, so only rows that
        // are wrong or in the band are hashed; otherwise every row keeps its id until the band is known.
        var knownBand = config.Threshold.Value is { } t && config.Region.Kind == RegionKind.Width
            ? (Threshold: t, Low: t - config.Region.Parameter, High: t + config.Region.Parameter)
            : ((double Threshold, double Low, double High)?)null;
        Func<double, bool, bool> wantsId = knownBand is { } band
            ? (score, positive) => (score >= band.Threshold) != positive || (score >= band.Low && score <= band.High)
            : (_, _) => true;

        var heldoutFile = DataFile.Open(config.Data.Heldout, config.Display(config.Data.Heldout), config.Data.Separator, config.Data.HeldoutLocation);
        progress?.Invoke($"Scoring {heldoutFile.DisplayPath}");
        var heldout = ScoringPass.Read("heldout", heldoutFile, scorer.Score(heldoutFile, []), labels, wantsId, progress);
        var heldoutRanked = RankedExamples.From(heldout);
        if (heldoutRanked.Positives == 0 || heldoutRanked.Negatives == 0)
        {
            throw new DataException(ErrorCodes.DataOneClass,
                $"'{heldoutFile.DisplayPath}' has only {(heldoutRanked.Positives == 0 ? "negative" : "positive")} examples in '{config.Label.Column}'; a held-out set needs both classes.",
                new SourceLocation(heldoutFile.DisplayPath, 1, 0),
                "Check 'label.positive' and 'label.negative', or the split that produced the file.");
        }

        CheckThresholdScale(config, scorer);
        var threshold = ThresholdResolver.Resolve(config.Threshold, heldoutRanked);
        var (low, high) = RegionResolver.Resolve(config.Region, threshold, heldoutRanked);
        var point = new OperatingPoint(threshold, low, high, DescribeThreshold(config.Threshold));

        var tprArguments = config.Limits.Where(l => l.Metric.Name == MetricName.TprAtFpr).Select(l => l.Metric.Argument!.Value).ToList();
        var sets = new List<SetEvaluation>
        {
            SetEvaluator.Evaluate(heldout, heldoutRanked, point, config.Statistics, scorer.ScoresAreProbabilities, tprArguments),
        };

        if (config.Data.Suite is { } suitePath)
        {
            if (File.Exists(suitePath))
            {
                var suiteFile = DataFile.Open(suitePath, config.Display(suitePath), config.Data.Separator, config.Data.SuiteLocation!);
                progress?.Invoke($"Scoring {suiteFile.DisplayPath}");
                var suite = ScoringPass.Read("suite", suiteFile, scorer.Score(suiteFile, []), labels, (_, _) => true, progress);
                sets.Add(SetEvaluator.Evaluate(suite, RankedExamples.From(suite), point, config.Statistics, scorer.ScoresAreProbabilities, tprArguments));
            }
            else
            {
                warnings.Add($"The suite '{config.Display(suitePath)}' does not exist yet; limits on it are inconclusive.");
            }
        }

        var outcomes = config.Limits.Select(limit => Decide(limit, sets, config.Statistics)).ToList();
        return new GateResult(config, Describe(config, scorer), point, sets, outcomes, warnings);
    }

    private static LimitOutcome Decide(LimitSettings limit, List<SetEvaluation> sets, StatisticsSettings statistics)
    {
        var set = sets.FirstOrDefault(s => s.Name == limit.DataSet);
        if (set is null)
        {
            return new LimitOutcome(limit, limit.Evidence ?? statistics.Evidence, limit.MinCount ?? statistics.MinCount, null, null, Verdict.Inconclusive,
                $"there is no {limit.DataSet} file yet", null);
        }

        var value = set.Find(limit.Metric) ?? throw new InvalidOperationException($"Metric {limit.Metric} was not computed.");
        return LimitEvaluator.Decide(limit, value, statistics);
    }

    /// <summary>A fixed threshold outside [0, 1] on probabilities predicts all or nothing positive: surely a mistake.</summary>
    private static void CheckThresholdScale(GateConfig config, IModelScorer scorer)
    {
        if (scorer.ScoresAreProbabilities && config.Threshold.Value is { } value && value is < 0 or > 1)
        {
            throw new ConfigurationException(ErrorCodes.ConfigBadValue,
                $"'threshold' is {value.ToString(CultureInfo.InvariantCulture)}, but the score column '{scorer.ScoreColumnName}' holds probabilities in [0, 1].",
                config.Threshold.Location);
        }
    }

    private static string DescribeThreshold(ThresholdSettings settings) => settings.Target switch
    {
        null => "fixed",
        var target => $"{YamlTarget(target.Value)}: {settings.TargetValue.ToString(CultureInfo.InvariantCulture)} (resolved on heldout)",
    };

    public static string YamlTarget(ThresholdTarget target) => target switch
    {
        ThresholdTarget.AtFpr => "at_fpr",
        ThresholdTarget.AtPrecision => "at_precision",
        _ => "at_recall",
    };

    private static ModelInfo Describe(GateConfig config, IModelScorer scorer)
    {
        if (config.Model.Path is not { } path)
        {
            return new ModelInfo("scores", null, null, scorer.Description, scorer.ScoreColumnName, scorer.ScoresAreProbabilities);
        }

        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new ModelInfo("mlnet", config.Display(path), hash, scorer.Description, scorer.ScoreColumnName, scorer.ScoresAreProbabilities);
    }
}
