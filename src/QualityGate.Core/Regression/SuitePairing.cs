using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Regression;

/// <summary>
/// The suite items both models have outcomes for. Without the blessed model at hand, those are
/// the items that were active when the baseline was blessed (items mined since join the
/// comparison at the next bless, which avoids comparing on items selected by the candidate).
/// With <c>regression.baseline_model</c>, the blessed model scores every active item now.
/// </summary>
public static class SuitePairing
{
    public static IReadOnlyList<PairedItem> Pair(GateConfig config, BaselineDocument baseline, ScoredSuite suite, OperatingPoint candidatePoint, LabelMatcher labels, DataFile heldout)
    {
        var blessedPoint = new OperatingPoint(baseline.Threshold, baseline.RegionLow, baseline.RegionHigh, baseline.ThresholdSource);
        var active = suite.Document.Items.Where(i => i.Status == SuiteStatus.Active).ToList();
        if (config.Regression?.BaselineModel is { } blessedModelPath && active.Count > 0)
        {
            // The suite is scored again with this model as the blessed one: it must be the one blessed.
            if (baseline.ModelSha256 is { } blessedHash && File.Exists(blessedModelPath) && ContentHash.OfFile(blessedModelPath) != blessedHash)
            {
                throw new Errors.DataException(Errors.ErrorCodes.BaselineInvalid,
                    $"'regression.baseline_model' ('{config.Display(blessedModelPath)}') is not the model the baseline was blessed with (its SHA-256 differs).",
                    config.Regression.Location, "Point it at the blessed model's file, or bless again.");
            }

            var blessedConfig = config with { Model = config.Model with { Path = blessedModelPath, Kind = ModelSettings.KindOf(blessedModelPath) } };
            var blessed = SuiteScoring.Score(blessedConfig, Scoring.Scorers.Create(blessedConfig), labels, heldout)!;
            return [.. active.Select(item => Item(item, blessed.Scores[item.Id], blessedPoint, suite.Scores[item.Id], candidatePoint))];
        }

        if (baseline.Suite is not { } outcomes)
        {
            return [];
        }

        RequireUnedited(config, outcomes, active);
        var blessedItems = outcomes.Items.ToHashSet(StringComparer.Ordinal);
        var wrong = outcomes.Wrong.ToHashSet(StringComparer.Ordinal);
        var inRegion = outcomes.InRegion.ToHashSet(StringComparer.Ordinal);
        return [.. active.Where(i => blessedItems.Contains(i.Id)).Select(item =>
        {
            var score = suite.Scores[item.Id];
            return new PairedItem(item.Id, item.Positive, wrong.Contains(item.Id), candidatePoint.IsPredictedPositive(score) != item.Positive, inRegion.Contains(item.Id), candidatePoint.InRegion(score));
        })];
    }

    /// <summary>
    /// A blessed item whose class or mining score changed was edited by hand: comparing it with
    /// the baseline's outcome would compare two different examples, so the run stops.
    /// </summary>
    private static void RequireUnedited(GateConfig config, SuiteOutcomes outcomes, IReadOnlyList<SuiteItem> active)
    {
        if (outcomes.Fingerprints is not { } fingerprints)
        {
            return;
        }

        var blessed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Items.Count && i < fingerprints.Count; i++)
        {
            blessed[outcomes.Items[i]] = fingerprints[i];
        }

        var edited = active.Where(i => blessed.TryGetValue(i.Id, out var fingerprint) && fingerprint != i.Fingerprint).Select(i => i.Id).ToList();
        if (edited.Count > 0)
        {
            var suitePath = config.Display(config.Data.Suite!);
            throw new Errors.DataException(Errors.ErrorCodes.SuiteInvalid,
                $"{edited.Count} suite item(s) changed label or score since the baseline was blessed, so they cannot be compared with it: {string.Join(", ", edited.Take(5))}{(edited.Count > 5 ? ", …" : string.Empty)}.",
                new Errors.SourceLocation(suitePath, 1, 0),
                "Mining never changes an item's label or score: restore the suite from version control, or, if the label was wrong, reject the item ('qgate suite reject ID') and bless again.");
        }
    }

    private static PairedItem Item(SuiteItem item, double blessedScore, OperatingPoint blessedPoint, double candidateScore, OperatingPoint candidatePoint) =>
        new(item.Id, item.Positive,
            blessedPoint.IsPredictedPositive(blessedScore) != item.Positive,
            candidatePoint.IsPredictedPositive(candidateScore) != item.Positive,
            blessedPoint.InRegion(blessedScore),
            candidatePoint.InRegion(candidateScore));
}
