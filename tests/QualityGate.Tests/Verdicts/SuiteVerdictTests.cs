using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.NoChange;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Verdicts;

/// <summary>
/// "Once fixed, stays fixed" without flapping: the suite is compared paired (newly wrong against
/// newly right), pinned items strictly, and a suite with nothing to compare never passes.
/// The data are precomputed scores of a synthetic world (see <see cref="SyntheticWorld"/>): the
/// suite is mined with model 0, and the blessed model is an improved retrain (its logits
/// lowered) that fixes many of those mistakes, as the sample's model fixed spam-weak's.
/// </summary>
public sealed class SuiteVerdictTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SyntheticWorld _world = new(seed: 5, heldoutRows: 3000, feedbackRows: 1500);
    private readonly ReadmeLoop _loop;

    public SuiteVerdictTests()
    {
        _loop = new ReadmeLoop(_directory.Path);
        var (heldout, feedback) = _world.Write(_directory.Path, model: 0);
        _loop.Init(null, heldout, "Label", feedback);
        _loop.Mine();
        var (blessed, _) = _world.Write(_directory.Path, model: 2, Improved);
        _loop.Bless(blessed, _world.WriteSuiteScores(_directory.Path, SuitePath, model: 2, Improved));
    }

    /// <summary>The logit shift of the improved model: it flags fewer legitimate examples.</summary>
    private const double Improved = -0.8;

    /// <summary>A same-quality retrain of the improved model.</summary>
    private (string Heldout, string SuiteScores) Retrain(double shift = Improved, ISet<string>? wrongOnPurpose = null)
    {
        var (heldout, _) = _world.Write(_directory.Path, model: 3, shift);
        return (heldout, _world.WriteSuiteScores(_directory.Path, SuitePath, model: 3, shift, wrongOnPurpose));
    }

    private string SuitePath => Path.Combine(_directory.Path, "quality", "hard-negatives.csv");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Churn_on_unpinned_items_passes_and_one_pinned_item_wrong_again_fails()
    {
        // Pin two items the retrain gets right: a person confirmed them as mistakes that must not come back.
        var candidateScores = File.ReadAllLines(Retrain().SuiteScores).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        var pinned = candidateScores.Where(p => p.Value < 0.3).Select(p => p.Key).Order(StringComparer.Ordinal).Take(2).ToArray();
        Assert.Equal(2, pinned.Length);
        var pin = QgateProcess.Run(_directory.Path, ["suite", "pin", "-c", _loop.ConfigPath, .. pinned, "--reason", "confirmed legitimate"]);
        Assert.True(pin.ExitCode == ExitCodes.Passed, pin.All);
        Assert.Contains("Pinned 2 item(s)", pin.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadLines(SuitePath).Count(l => l.Contains(",pinned,", StringComparison.Ordinal) && l.EndsWith(",confirmed legitimate", StringComparison.Ordinal)));

        var (candidate, scores) = Retrain();
        var churn = _loop.Check(heldout: candidate, suiteScores: scores);
        var suiteCheck = Assert.Single(churn.Regression, r => r.Limit.Key == "suite.error_rate");
        Assert.True(suiteCheck.Regressed > 0 && suiteCheck.Fixed > 0, $"the retrain must churn the suite both ways: {suiteCheck.Message}");
        Assert.Equal(Verdict.Passed, suiteCheck.Verdict);
        Assert.Equal(Verdict.Passed, Assert.Single(churn.Regression, r => r.Limit.Key == "suite.pinned_regressed").Verdict);

        // Against the blessed model nothing fails (init's absolute limits were measured on model 0, before the improvement).
        Assert.All(churn.Regression, r => Assert.True(r.Verdict == Verdict.Passed, r.Message));

        (candidate, scores) = Retrain(wrongOnPurpose: new HashSet<string> { pinned[0] });
        var broken = _loop.Check(heldout: candidate, suiteScores: scores);
        var pinnedCheck = Assert.Single(broken.Regression, r => r.Limit.Key == "suite.pinned_regressed");
        Assert.Equal(Verdict.Failed, pinnedCheck.Verdict);
        Assert.Equal($"pinned_regressed = 1 of 2 pinned items wrong again, max 0: {pinned[0]}", pinnedCheck.Message);
        Assert.Equal(Verdict.Passed, Assert.Single(broken.Regression, r => r.Limit.Key == "suite.error_rate").Verdict);
    }

    [Fact]
    public void Re_breaking_the_mistakes_the_blessed_model_fixed_fails_the_paired_check()
    {
        // A candidate that is the old model again: it re-breaks what the blessed model fixed.
        var (heldout, scores) = Retrain(shift: 0);
        var result = _loop.Check(heldout: heldout, suiteScores: scores);
        var suiteCheck = Assert.Single(result.Regression, r => r.Limit.Key == "suite.error_rate");
        Assert.True(suiteCheck.Regressed > 10 * suiteCheck.Fixed, suiteCheck.Message);
        Assert.Equal(Verdict.Failed, suiteCheck.Verdict);
        Assert.Equal(Verdict.Failed, result.Verdict);
    }

    [Fact]
    public void A_suite_emptied_by_hand_is_inconclusive_never_passed()
    {
        File.WriteAllLines(SuitePath, [File.ReadLines(SuitePath).First()]);
        var (candidate, scores) = Retrain();
        var result = _loop.Check(heldout: candidate, suiteScores: scores);
        Assert.All(result.Regression.Where(r => r.Limit.DataSet == "suite"), r => Assert.Equal(Verdict.Inconclusive, r.Verdict));
        Assert.Contains(result.Regression, r => r.Limit.Key == "suite.error_rate" && r.Message.Contains("only 0 paired examples", StringComparison.Ordinal));
        Assert.NotEqual(Verdict.Passed, result.Verdict);
    }

    [Fact]
    public void A_relabelled_suite_item_stops_the_run()
    {
        var lines = File.ReadAllLines(SuitePath);
        var fields = lines[1].Split(',');
        var label = Array.IndexOf(lines[0].Split(','), "Label");
        fields[label] = fields[label] == "0" ? "1" : "0";
        lines[1] = string.Join(',', fields);
        File.WriteAllLines(SuitePath, lines);
        var (candidate, scores) = Retrain();
        var error = Assert.Throws<DataException>(() => _loop.Check(heldout: candidate, suiteScores: scores));
        Assert.Contains("1 suite item(s) changed label or score since the baseline was blessed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scored_copy_of_the_same_rows_pairs_with_the_baseline()
    {
        // Precomputed scores: the candidate's file differs from the blessed one only in its score column.
        var (candidate, scores) = Retrain();
        var result = _loop.Check(heldout: candidate, suiteScores: scores);
        Assert.All(result.Regression.Where(r => r.Limit.DataSet == "heldout"), r => Assert.Equal("paired", r.Basis));
        var fpr = Assert.Single(result.Regression, r => r.Limit.Key == "heldout.fpr");
        Assert.Equal(result.Sets[0].Confusion.Negatives, fpr.Compared);
        Assert.True(fpr.Regressed > 0 && fpr.Fixed > 0, fpr.Message);
    }
}
