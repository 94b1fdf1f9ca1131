using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Slices;
using QualityGate.Suite;
using QualityGate.Configuration;
using QualityGate.Training;

namespace QualityGate.Gate;

/// <summary>
/// One evaluation of a model, which every verb works on: the scored held-out set and suite, the
/// operating point, each data set's metrics with their bounds, and the slices. Check decides
/// over it, mine grows the suite from it, bless records it, explain diagnoses it.
/// </summary>
/// <param name="Heldout">Every held-out row, those exported into training too (mining and slices read them).</param>
/// <param name="HeldoutColumns">The scored view of the held-out file; null when shards scored it.</param>
public sealed record Evaluation(
    RunInputs Inputs,
    ScoredSet Heldout,
    ScoredColumns? HeldoutColumns,
    ScoredSuite? Suite,
    OperatingPoint Point,
    IReadOnlyList<SetEvaluation> Sets,
    SliceEvaluator.Outcome? Slices,
    ModelInfo Model)
{
    private RankedExamples? _ranked;

    /// <summary>The held-out rows the metrics count (without those exported into training).</summary>
    internal ScoredSet Measured { get; private init; } = Heldout;

    public GateConfig Config => Inputs.Config;

    /// <summary>Everything a result needs of this evaluation, without the scored rows.</summary>
    public EvaluationSummary Summary => new(Inputs, Suite, Point, Sets, Slices, Model);

    public SetEvaluation HeldoutSet => Sets[0];

    public SetEvaluation? SuiteSet => Sets.FirstOrDefault(s => s.Name == DataSetNames.Suite);

    /// <summary>Measures a scored held-out set (and the suite) at the operating point: known before scoring, or resolved on the held-out scores now.</summary>
    public static Evaluation Of(RunInputs inputs, ScoredSet heldout, ScoredColumns? columns, ScoredSuite? suite, Action<string>? progress = null)
    {
        var config = inputs.Config;
        var evaluated = heldout.Without(inputs.InTraining, out var inTrainingRows);
        if (inTrainingRows > 0)
        {
            inputs.Warnings.Add($"{inTrainingRows} held-out examples are in the training data ('qgate export-training' listed them in '{config.Display(InTrainingList.PathFor(config)!)}'): held-out metrics leave them out.");
        }

        progress?.Invoke($"Measuring {inputs.Heldout.DisplayPath}: {evaluated.Count:N0} rows ranked, metrics and their bounds");
        var ranked = RankedExamples.From(evaluated);
        RequireBothClasses(inputs, ranked);
        Baseline.BaselineStore.RequireSameSettings(config, inputs.Baseline);
        var point = inputs.Known ?? OperatingPoints.Resolve(config, ranked);

        // Bounds by bootstrap only for the metrics a limit or regression check decides on.
        var bounded = config.Limits.Select(l => l.Metric).Concat(config.Regression?.Limits.Select(l => l.Metric) ?? []).ToHashSet();
        var probabilities = inputs.Scorer.ScoresAreProbabilities;
        var sets = new List<SetEvaluation> { SetEvaluator.Evaluate(evaluated, ranked, point, config.Statistics, probabilities, bounded) };
        if (suite is { Active.Count: > 0 })
        {
            sets.Add(SetEvaluator.Evaluate(suite.Active, RankedExamples.From(suite.Active), point, config.Statistics, probabilities, bounded));
        }

        var slices = SliceRun.Evaluate(config, heldout, inputs.HeldoutSlices, suite, point, probabilities, inputs.InTraining, inputs.Baseline, inputs.Warnings);
        // The ranking is not kept: once measured, a check decides and mines without it, and its
        // 5 MB a million rows would stay live under that work (init ranks again, to probe).
        return new Evaluation(inputs, heldout, columns, suite, point, sets, slices, ModelInfo.Of(config, inputs.Scorer)) { Measured = evaluated };
    }

    /// <summary>
    /// The held-out set measured at the operating point another config resolves, without scoring
    /// again (init probes thresholds and regions so). Its counts only: the pass kept the ids of
    /// the rows this run's own operating point flags, not another's, so none are listed.
    /// </summary>
    public SetEvaluation HeldoutAt(GateConfig other)
    {
        var ranked = _ranked ??= RankedExamples.From(Measured);
        var point = OperatingPoints.Resolve(other, ranked);
        var bounded = other.Limits.Select(l => l.Metric).ToHashSet();
        var withoutIds = new ScoredSet(Measured.Name, Measured.File, Measured.Scores, Measured.PositiveArray, new Dictionary<int, string>());
        return SetEvaluator.Evaluate(withoutIds, ranked, point, other.Statistics, Inputs.Scorer.ScoresAreProbabilities, bounded);
    }

    private static void RequireBothClasses(RunInputs inputs, RankedExamples ranked)
    {
        if (ranked.Positives == 0 || ranked.Negatives == 0)
        {
            throw new DataException(ErrorCodes.DataOneClass,
                $"'{inputs.Heldout.DisplayPath}' has only {(ranked.Positives == 0 ? "negative" : "positive")} examples in '{inputs.Config.Label.Column}'; a held-out set needs both classes.",
                new SourceLocation(inputs.Heldout.DisplayPath, 1, 0),
                "Check 'label.positive' and 'label.negative', or the split that produced the file.");
        }
    }
}
