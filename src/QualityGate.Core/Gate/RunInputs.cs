using System.Globalization;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Slices;
using QualityGate.Training;

namespace QualityGate.Gate;

/// <summary>Whether a verb compares with the blessed baseline.</summary>
public enum BaselineUse
{
    /// <summary>check and merge: a configured baseline must exist, and the blessed operating point is used.</summary>
    Compare,

    /// <summary>mine and explain: a blessed operating point is used when there is one.</summary>
    IfPresent,

    /// <summary>bless: a fresh operating point from this model's own scores.</summary>
    Ignore,
}

/// <summary>
/// Everything a run reads before its long pass, checked up front so a bad config, model,
/// baseline or slice column stops the run at once: the scorer, the label rule, the baseline,
/// the operating point when it is known before scoring, and the held-out file.
/// </summary>
public sealed record RunInputs(
    GateConfig Config,
    IModelScorer Scorer,
    LabelMatcher Labels,
    BaselineDocument? Baseline,
    OperatingPoint? Known,
    DataFile Heldout,
    IReadOnlySet<string> InTraining,
    SliceSource? HeldoutSlices,
    List<string> Warnings)
{
    /// <param name="sharded">The held-out set was scored by shards: slices and the in-training list are theirs to apply.</param>
    public static RunInputs Open(GateConfig config, BaselineUse use, bool sharded = false)
    {
        // The baseline is read on another core while the model loads: its JSON grows with the
        // held-out set (0.4 s on 5M rows, longer than the model takes). The model's errors still
        // come first, as when they were read one after the other.
        var warnings = new List<string>();
        var reading = use == BaselineUse.Ignore
            ? Task.FromResult<BaselineDocument?>(null)
            : Task.Run(() => BaselineStore.Load(config, warnings, mayBeMissing: use == BaselineUse.IfPresent));
        var scorer = Scorers.Create(config);
        CheckThresholdScale(config, scorer);
        var baseline = reading.GetAwaiter().GetResult();
        CheckBaselineScale(config, scorer, baseline);
        var inTraining = sharded ? new HashSet<string>() : InTrainingList.Read(config);
        var heldout = DataFile.Open(config.Data.Heldout, config.Display(config.Data.Heldout), config.Data.Separator, config.Data.HeldoutLocation);

        var slices = config.Slices is { } sliced && !sharded ? SlicesOf(heldout, sliced.Columns) : null;
        return new RunInputs(config, scorer, new LabelMatcher(config.Label), baseline, KnownOperatingPoint(config, baseline), heldout, inTraining, slices, warnings);
    }

    /// <summary>A slice column the data lacks stops the run at once; the columns' values are read with the scoring pass.</summary>
    private static SliceSource SlicesOf(DataFile heldout, IReadOnlyList<SliceColumn> columns)
    {
        foreach (var column in columns)
        {
            heldout.Require(column.Column, "slice", column.Location);
        }

        return new SliceSource(columns);
    }

    private Task<string>? _heldoutHash;

    /// <summary>
    /// Whether the decisions compare the held-out file with the one the baseline was blessed on:
    /// a paired check on it needs the very same file.
    /// </summary>
    public bool ComparesHeldoutFile =>
        Baseline is not null && Config.Regression is { } regression
        && regression.Limits.Concat(Config.Slices?.Regression ?? []).Any(l => l.DataSet == DataSetNames.Heldout);

    /// <summary>
    /// Whether this run will want the held-out file's content hash: to compare it with the
    /// baseline's, or to bless (a run with a regression section may become the baseline). Not
    /// with precomputed scores, whose rows are hashed without their score column.
    /// </summary>
    public bool HashesHeldoutFile => Config.Regression is not null && Config.Model.Kind != ModelKind.Scores;

    /// <summary>
    /// Takes the held-out file's hash, on another core. Called when the scoring pass ends: a pass
    /// that read the whole file hashed it as it read (<see cref="HashesHeldoutFile"/>), and
    /// otherwise the file is in the page cache and the hash (0.4 s for a 1M-row CSV) runs while
    /// this core ranks and evaluates the scores instead of after everything else.
    /// </summary>
    public void StartHeldoutHash()
    {
        _heldoutHash ??= Task.Run(() => ContentHash.OfHeldout(Config, Scorer.ScoreColumnName));
    }

    /// <summary>The held-out file's content hash as others computed it (a merge, from its shards' part hashes).</summary>
    public void KnowHeldoutHash(string hash) => _heldoutHash = Task.FromResult(hash);

    /// <summary>The held-out file's content hash, as the baseline records it (started now if it was not).</summary>
    public string HeldoutHash()
    {
        StartHeldoutHash();
        return _heldoutHash!.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Which held-out rows keep their ids: those the known operating point flags (wrong or in
    /// the region); before any bless, with a fixed threshold and a quantile region, the wrong rows
    /// and those the region may hold, chosen as the pass meets them. Held-out examples exported
    /// into training are held out no more, per-slice checks against the baseline pair a slice's
    /// examples, and a threshold resolved on the scores flags rows only after the pass: each of
    /// those needs every id.
    /// </summary>
    public IdSelection Ids
    {
        get
        {
            var everyRowCounts = InTraining.Count == 0 && Config.Slices?.Regression.Any(r => r.DataSet == DataSetNames.Heldout) != true;
            if (!everyRowCounts)
            {
                return IdSelection.Every;
            }

            if (Known is { } known)
            {
                return IdSelection.Where(known.IsWrongOrInRegion);
            }

            return Baseline is null && Config.Threshold.Value is { } threshold && Config.Region.Kind == RegionKind.Quantile
                ? IdSelection.WrongOrNearest(threshold, Config.Region.Parameter)
                : IdSelection.Every;
        }
    }

    /// <summary>The threshold when it is known before scoring: blessed, or fixed in the config (mining collects its candidates during the pass then).</summary>
    public double? KnownThreshold => Known?.Threshold ?? Config.Threshold.Value;

    /// <summary>The operating point when it is known before scoring: blessed, or a fixed threshold with a width band.</summary>
    public static OperatingPoint? KnownOperatingPoint(GateConfig config, BaselineDocument? baseline)
    {
        if (baseline is not null && config.Regression is { ResolveThresholdPerCandidate: false })
        {
            return new OperatingPoint(baseline.Threshold, baseline.RegionLow, baseline.RegionHigh, $"{baseline.ThresholdSource}; blessed");
        }

        return config.Threshold.Value is { } t && config.Region.Kind == RegionKind.Width
            ? new OperatingPoint(t, t - config.Region.Parameter, t + config.Region.Parameter, "fixed")
            : null;
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

    private static void CheckBaselineScale(GateConfig config, IModelScorer scorer, BaselineDocument? baseline)
    {
        if (baseline is not null && scorer.ScoresAreProbabilities && baseline.Threshold is < 0 or > 1)
        {
            throw new DataException(ErrorCodes.BaselineInvalid,
                $"The baseline '{config.Display(config.Regression!.Baseline)}' was blessed at threshold {baseline.Threshold.ToString(CultureInfo.InvariantCulture)}, but '{scorer.ScoreColumnName}' holds probabilities in [0, 1]: it was not blessed on this kind of score.",
                config.Regression.Location, "Bless the model again with 'qgate bless'.");
        }
    }
}
