using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Gate;
using QualityGate.Identity;
using QualityGate.Scoring;
using QualityGate.Scoring.FastPath;
using QualityGate.Slices;
using QualityGate.Suite;

namespace QualityGate.Mining;

/// <summary>
/// Mining within a run. When the threshold is known before scoring (blessed or fixed), candidates
/// are collected inside the held-out pass (no id kept for the other rows); otherwise every
/// held-out id is kept anyway, and they are offered once the threshold is resolved. Feedback is scored
/// only here, and only mined.
/// </summary>
public sealed class Harvest
{
    private readonly RunInputs _inputs;
    private CandidateCollector? _duringPass;
    private Task<CandidateCollector.Found>? _finishing;
    private HashSet<string> _inSuite = new(StringComparer.Ordinal);

    // Mining balanced across slices reads the first slice column of the feedback too, with its pass.
    private readonly SliceSource? _feedbackSlices;

    public Harvest(RunInputs inputs)
    {
        MiningRun.RequireSuite(inputs.Config);
        _inputs = inputs;
        _feedbackSlices = inputs.Config.Slices is { MaxNewPerSlice: not null } slices ? new SliceSource([slices.Columns[0]]) : null;
    }

    /// <summary>The collector the held-out pass feeds; null when the threshold is not known yet.</summary>
    public CandidateCollector? Begin(ScoredSuite? suite)
    {
        _inSuite = (suite?.Document.Items.Select(i => i.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        _duringPass = _inputs.KnownThreshold is { } threshold ? NewCollector(threshold) : null;
        return _duringPass;
    }

    /// <summary>
    /// Once the held-out pass has fed the collector: when nothing else will (no feedback), its
    /// candidates are settled now, on a thread of their own, while the caller measures. Settling
    /// reads the held-out file again for their rows' text (0.6 s on 5M rows, one core), and
    /// measuring leaves a core idle for most of its time.
    /// </summary>
    public void AfterPass(ScoredSet heldout)
    {
        if (_duringPass is { } collector && _inputs.Config.Data.Feedback.Count == 0)
        {
            _finishing = Task.Run(() => collector.Finish([heldout], _inputs.Scorer));
        }
    }

    /// <summary>Selects the candidates of the held-out set and the feedback, and writes them into the suite.</summary>
    public SuiteStore.Update<MiningReport> Mine(Evaluation evaluation, Action<string>? progress, TimeProvider? clock)
    {
        if (_finishing is { } early)
        {
            return Write(evaluation, early.GetAwaiter().GetResult(), clock);
        }

        var collector = _duringPass ?? OfferKeptIds(evaluation);
        var found = collector.Finish([evaluation.Heldout, .. ScoreFeedback(collector, progress)], _inputs.Scorer);
        return Write(evaluation, found, clock);
    }

    /// <summary>Writes candidates found elsewhere (by shards) into the suite.</summary>
    public static SuiteStore.Update<MiningReport> Write(Evaluation evaluation, CandidateCollector.Found found, TimeProvider? clock)
    {
        var inputs = evaluation.Inputs;
        var mined = MiningRun.Mine(inputs.Config, inputs.Labels, inputs.Heldout, found, evaluation.Suite, evaluation.Point, evaluation.Model, clock ?? MiningClock.FromEnvironment());
        inputs.Warnings.AddRange(mined.Outcome.Warnings);
        return mined;
    }

    private CandidateCollector OfferKeptIds(Evaluation evaluation)
    {
        var collector = NewCollector(evaluation.Point.Threshold);
        var heldout = evaluation.Heldout;

        // In file order; only the rows in the band have their id read (a fast pass's 128-bit ids as
        // digits in a buffer, made text only for the rows mining keeps): a million ids made text
        // at once held 150 MB.
        Span<char> digits = stackalloc char[ExampleIdentity.Digits];
        for (var row = 0; row < heldout.Count; row++)
        {
            var (score, positive) = (heldout.Scores[row], heldout.Positive[row]);
            if (collector.Wants(score, positive) && RowIds.TryGetId(heldout.Ids, row, digits, out var id))
            {
                collector.Offer(heldout.File, row, score, positive, id);
            }
        }

        return collector;
    }

    private CandidateCollector NewCollector(double threshold)
    {
        var balance = SliceRun.BalancedMining(_inputs.Config, file => file.Path == _inputs.Heldout.Path && _inputs.HeldoutSlices is { } heldout ? heldout : _feedbackSlices!);
        return new CandidateCollector(threshold, _inputs.Config.Mining, _inSuite, balance?.SliceOf, balance?.PerSlice ?? int.MaxValue);
    }

    /// <summary>Feedback is only mined: its rows go through the collector and no id is kept.</summary>
    private List<ScoredSet> ScoreFeedback(CandidateCollector collector, Action<string>? progress)
    {
        var config = _inputs.Config;
        return [.. config.Data.Feedback.Select(source =>
        {
            var file = DataFile.Open(source.Path, config.Display(source.Path), config.Data.Separator, source.Location);
            progress?.Invoke($"Scoring {file.DisplayPath}");
            return ScoringPass.Read(DataSetNames.Feedback, file, _inputs.Scorer.Score(file, []), _inputs.Labels, IdSelection.None, progress, collector, _feedbackSlices);
        })];
    }
}
