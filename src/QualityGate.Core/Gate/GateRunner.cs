using System.Globalization;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Explain;
using QualityGate.Metrics;
using QualityGate.Mining;
using QualityGate.Regression;
using QualityGate.Scoring;
using QualityGate.Shards;
using QualityGate.Slices;
using QualityGate.Suite;
using QualityGate.Training;

namespace QualityGate.Gate;

/// <summary>
/// Runs the gate: scores each data set in one streaming pass, fixes the operating point (from the
/// baseline, the config, or the held-out set), computes the metrics, decides every limit and
/// regression check, and mines the suite when asked.
/// </summary>
public static class GateRunner
{
    public static GateResult Run(GateConfig config, Action<string>? progress = null) => Run(config, new RunOptions(Progress: progress));

    public static GateResult Run(GateConfig config, RunOptions options)
    {
        var progress = options.Progress;
        var scorer = CreateScorer(config);
        var labels = new LabelReader(config.Label);
        var warnings = new List<string>();
        CheckThresholdScale(config, scorer);
        var baseline = options.ForBless ? null : BaselineStore.Load(config, warnings, mayBeMissing: !options.Gate);
        if (baseline is not null && scorer.ScoresAreProbabilities && baseline.Threshold is < 0 or > 1)
        {
            throw new DataException(ErrorCodes.BaselineInvalid,
                $"The baseline '{config.Display(config.Regression!.Baseline)}' was blessed at threshold {baseline.Threshold.ToString(CultureInfo.InvariantCulture)}, but '{scorer.ScoreColumnName}' holds probabilities in [0, 1]: it was not blessed on this kind of score.",
                config.Regression.Location, "Bless the model again with 'qgate bless'.");
        }
        if (options.Mine)
        {
            MiningRun.RequireSuite(config);
        }

        var known = KnownOperatingPoint(config, baseline);

        // Held-out examples exported into training are held out no more, and per-slice checks
        // against the baseline pair a slice's examples: either needs every id.
        var inTraining = options.Shards is null ? InTrainingList.Read(config) : new HashSet<string>();
        var everyId = inTraining.Count > 0 || config.Slices?.Regression.Any(r => r.DataSet == "heldout") == true;
        Func<double, bool, bool> wantsId = known is { } k && !everyId
            ? k.IsWrongOrInRegion
            : (_, _) => true;

        var heldoutFile = DataFile.Open(config.Data.Heldout, config.Display(config.Data.Heldout), config.Data.Separator, config.Data.HeldoutLocation);

        // Read before the long pass, so a slice column the data lacks (or one of ids) stops the run at once.
        var heldoutSlices = config.Slices is { } sliced && options.Shards is null ? SliceMembership.OfFile(heldoutFile, sliced.Columns) : null;
        var merged = options.Shards is { } shards ? ShardMerger.Merge(config, shards, heldoutFile, known, options.Mine) : null;
        var heldoutColumns = merged is null ? scorer.Score(heldoutFile, []) : null;
        var suite = SuiteScoring.Score(config, scorer, labels, heldoutFile);

        // With the operating point known before scoring, mining runs inside the pass; otherwise
        // every held-out id is kept anyway, and mining reads them once the threshold is resolved.
        var inSuite = (suite?.Document.Items.Select(i => i.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        var balance = SliceRun.BalancedMining(config, heldoutFile, heldoutSlices);
        var collector = options.Mine && known is not null && merged is null ? new CandidateCollector(known.Threshold, config.Mining, inSuite, balance?.SliceOf, balance?.PerSlice ?? int.MaxValue) : null;
        if (merged is null)
        {
            progress?.Invoke($"Scoring {heldoutFile.DisplayPath}");
        }

        var heldout = merged?.Heldout ?? ScoringPass.Read("heldout", heldoutFile, heldoutColumns!, labels, wantsId, progress, collector);
        var evaluated = heldout.Without(inTraining, out var inTrainingRows);
        if (inTrainingRows > 0)
        {
            warnings.Add($"{inTrainingRows} held-out examples are in the training data ('qgate export-training' listed them in '{config.Display(InTrainingList.PathFor(config)!)}'): held-out metrics leave them out.");
        }

        var heldoutRanked = RankedExamples.From(evaluated);
        RequireBothClasses(config, heldoutFile, heldoutRanked);
        BaselineStore.RequireSameSettings(config, baseline);
        var point = known ?? Resolve(config, heldoutRanked);
        if (options.Mine && collector is null && merged is null)
        {
            collector = new CandidateCollector(point.Threshold, config.Mining, inSuite, balance?.SliceOf, balance?.PerSlice ?? int.MaxValue);
            foreach (var (row, id) in heldout.Ids.OrderBy(p => p.Key))
            {
                collector.Offer(heldoutFile, row, heldout.Scores[row], heldout.Positive[row], id);
            }
        }

        // Bounds by bootstrap only for the metrics a limit or regression check decides on.
        var bounded = config.Limits.Select(l => l.Metric).Concat(config.Regression?.Limits.Select(l => l.Metric) ?? []).ToHashSet();
        var sets = new List<SetEvaluation>
        {
            SetEvaluator.Evaluate(evaluated, heldoutRanked, point, config.Statistics, scorer.ScoresAreProbabilities, bounded),
        };

        if (suite is { Active.Count: > 0 })
        {
            sets.Add(SetEvaluator.Evaluate(suite.Active, RankedExamples.From(suite.Active), point, config.Statistics, scorer.ScoresAreProbabilities, bounded));
        }
        else if (config.Data.Suite is { } suitePath && !options.Mine)
        {
            var consequence = config.Limits.Any(l => l.DataSet == "suite") ? " Limits on it are inconclusive." : string.Empty;
            warnings.Add(suite is null
                ? $"The suite '{config.Display(suitePath)}' does not exist yet; 'qgate mine' writes it.{consequence}"
                : $"The suite '{config.Display(suitePath)}' has no active items.{consequence}");
        }

        warnings.AddRange(merged?.Notes ?? []);
        var outcomes = config.Limits.Select(limit => Decide(limit, sets, config.Statistics)).ToList();
        var slices = SliceRun.Evaluate(config, heldout, heldoutSlices, suite, point, scorer.ScoresAreProbabilities, inTraining, baseline, warnings);
        outcomes.AddRange(slices?.Limits ?? []);
        var model = Describe(config, scorer);

        var pairedItems = baseline is null || suite is null ? [] : SuitePairing.Pair(config, baseline, suite, point, labels, heldoutFile);
        IReadOnlyList<RegressionOutcome> regression = [];
        if (baseline is not null && config.Regression is not null)
        {
            var run = new RegressionEvaluator.Inputs(
                config.Regression,
                baseline,
                HeldoutChange(config, baseline, heldoutFile, scorer.ScoreColumnName, config.Slices?.Regression),
                sets[0],
                sets.FirstOrDefault(s => s.Name == "suite"),
                pairedItems,
                config.Statistics)
            {
                Pinned = suite is null ? [] : [.. suite.Document.Items.Where(i => i.Pinned && i.Status == SuiteStatus.Active)
                    .Select(i => (i.Id, point.IsPredictedPositive(suite.Scores[i.Id]) != i.Positive))],
            };
            regression = RegressionEvaluator.Evaluate(run, slices is null ? null : SliceRegression.Inputs(config.Slices!, slices.Slices, run));
        }

        (var decided, regression) = FamilyWiseCorrection.Apply(outcomes, regression, config.Statistics);
        MiningReport? mining = null;
        (string? Before, string? After) hashes = (suite?.Sha256, suite?.Sha256);
        var found = merged is not null ? merged.Found : collector?.Finish([heldout, .. ScoreFeedback(config, scorer, labels, collector, progress)], scorer);
        if (options.Mine && found is not null)
        {
            var mined = MiningRun.Mine(config, labels, heldoutFile, found, suite, point, model, options.Clock ?? MiningClock.FromEnvironment());
            mining = mined.Outcome;
            hashes = (mined.HashBefore, mined.HashAfter);
            warnings.AddRange(mining.Warnings);
        }

        var suiteReport = config.Data.Suite is null ? null : SuiteReporting.Report(config, heldoutFile.Columns, suite, pairedItems, mining, hashes, point);
        var explanation = options.Explain
            ? Explainer.Explain(config, scorer, scorer is ScoreFileReader ? null : heldoutColumns!.NumericInputs ?? [], labels, heldout, suite, point, progress)
            : null;
        return new GateResult(config, model, point, sets, decided, regression, suiteReport, config.Regression is null ? null : config.Display(config.Regression.Baseline), warnings, explanation)
        {
            Slices = slices?.Slices ?? [],
        };
    }

    /// <summary>Feedback is only mined: its rows go through the collector and no id is kept.</summary>
    private static List<ScoredSet> ScoreFeedback(GateConfig config, IModelScorer scorer, LabelReader labels, CandidateCollector collector, Action<string>? progress) =>
        [.. config.Data.Feedback.Select(source =>
        {
            var file = DataFile.Open(source.Path, config.Display(source.Path), config.Data.Separator, source.Location);
            progress?.Invoke($"Scoring {file.DisplayPath}");
            return ScoringPass.Read("feedback", file, scorer.Score(file, []), labels, (_, _) => false, progress, collector);
        })];

    internal static IModelScorer CreateScorer(GateConfig config) => config.Model.Kind switch
    {
        ModelKind.MlNet => MlNetModel.Load(config),
        ModelKind.Onnx => OnnxSupport.Load(config),
        _ => new ScoreFileReader(config),
    };

    /// <summary>The operating point when it is known before scoring: blessed, or a fixed threshold with a width band.</summary>
    internal static OperatingPoint? KnownOperatingPoint(GateConfig config, BaselineDocument? baseline)
    {
        if (baseline is not null && config.Regression is { ResolveThresholdPerCandidate: false })
        {
            return new OperatingPoint(baseline.Threshold, baseline.RegionLow, baseline.RegionHigh, $"{baseline.ThresholdSource}; blessed");
        }

        return config.Threshold.Value is { } t && config.Region.Kind == RegionKind.Width
            ? new OperatingPoint(t, t - config.Region.Parameter, t + config.Region.Parameter, "fixed")
            : null;
    }

    private static OperatingPoint Resolve(GateConfig config, RankedExamples heldout)
    {
        var threshold = ThresholdResolver.Resolve(config.Threshold, heldout);
        var (low, high) = RegionResolver.Resolve(config.Region, threshold, heldout);
        return new OperatingPoint(threshold, low, high, DescribeThreshold(config.Threshold));
    }

    private static void RequireBothClasses(GateConfig config, DataFile file, RankedExamples ranked)
    {
        if (ranked.Positives == 0 || ranked.Negatives == 0)
        {
            throw new DataException(ErrorCodes.DataOneClass,
                $"'{file.DisplayPath}' has only {(ranked.Positives == 0 ? "negative" : "positive")} examples in '{config.Label.Column}'; a held-out set needs both classes.",
                new SourceLocation(file.DisplayPath, 1, 0),
                "Check 'label.positive' and 'label.negative', or the split that produced the file.");
        }
    }

    private static string? HeldoutChange(GateConfig config, BaselineDocument baseline, DataFile heldout, string scoreColumn, IReadOnlyList<RegressionLimitSettings>? sliceChecks) =>
        config.Regression!.Limits.Concat(sliceChecks ?? []).Any(l => l.DataSet == "heldout") && SettingsFingerprint.OfHeldout(config, scoreColumn) != baseline.HeldoutSha256
            ? $"'{heldout.DisplayPath}' changed since the baseline was blessed"
            : null;

    private static LimitOutcome Decide(LimitSettings limit, List<SetEvaluation> sets, StatisticsSettings statistics)
    {
        var set = sets.FirstOrDefault(s => s.Name == limit.DataSet);
        if (set is null)
        {
            return new LimitOutcome(limit, limit.Evidence ?? statistics.Evidence, limit.MinCount ?? statistics.MinCount, null, null, Verdict.Inconclusive,
                $"the {limit.DataSet} has no active examples yet", limit.MinCount ?? statistics.MinCount);
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
        var target => $"{YamlMap.SnakeCase(target.Value.ToString())}: {settings.TargetValue.ToString(CultureInfo.InvariantCulture)}, resolved on heldout",
    };

    private static ModelInfo Describe(GateConfig config, IModelScorer scorer)
    {
        if (config.Model.Path is not { } path)
        {
            return new ModelInfo("scores", null, null, scorer.Description, scorer.ScoreColumnName, scorer.ScoresAreProbabilities);
        }

        return new ModelInfo(config.Model.Kind == ModelKind.Onnx ? "onnx" : "mlnet", config.Display(path), SettingsFingerprint.OfFile(path), scorer.Description, scorer.ScoreColumnName, scorer.ScoresAreProbabilities);
    }
}
