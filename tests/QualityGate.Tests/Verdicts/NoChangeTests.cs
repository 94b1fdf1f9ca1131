using QualityGate.NoChange;
using Xunit.Abstractions;

namespace QualityGate.Tests.Verdicts;

/// <summary>
/// The gate's first duty: it must not fail when nothing changed, and it must catch a real
/// regression. The README's loop (init, mine, bless, check) runs on many synthetic worlds, each
/// with a fresh held-out set, and gates a same-quality retrain (churn flips about 7% of held-out
/// decisions) or a retrain whose false-positive rate is two points higher. Seeded, so the
/// figures are the same on every run; build/benchmark.sh runs the full-size version.
/// </summary>
[Collection(NoChangeGroup.Name)]
public sealed class NoChangeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_same_quality_retrain_passes_the_whole_loop()
    {
        var result = SyntheticStudy.Run("no change, 2,000 negatives", runs: 30, heldoutRows: 3077, feedbackRows: 1500, fprPoints: 0);
        output.WriteLine(result.ToString());

        // About 1 run in 60 fails at full size; a generous bound that still catches a gate that cries wolf.
        Assert.True(result.Failures <= 3, result.ToString());
    }

    [Fact]
    public void Two_more_points_of_fpr_on_5000_negatives_are_caught()
    {
        var result = SyntheticStudy.Run("+2 points of FPR, 5,000 negatives", runs: 10, heldoutRows: 7692, feedbackRows: 3846, fprPoints: 0.02, firstSeed: 10_001);
        output.WriteLine(result.ToString());
        Assert.True(result.Failures >= 8, result.ToString());
        Assert.All(result.Runs.Where(r => r.Verdict == QualityGate.Gate.Verdict.Failed), r => Assert.Contains("heldout.fpr", r.Failed));
    }
}

/// <summary>The simulations are CPU-bound: run alone, after the parallel tests, so they do not slow the rest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoChangeGroup
{
    public const string Name = "no-change simulation";
}
