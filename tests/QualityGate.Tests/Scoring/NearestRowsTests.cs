using CsCheck;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Metrics;
using QualityGate.Scoring;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// Before any bless, a quantile region around a fixed threshold is known only once every row is
/// scored; the pass keeps the ids of the rows it may hold as they come. Every row the region
/// resolved at the end holds, and every wrong row, must have been kept and still be wanted.
/// </summary>
public sealed class NearestRowsTests
{
    /// <summary>Scores on a coarse grid (many ties, some on the threshold itself), labels, a threshold and a quantile.</summary>
    private static readonly Gen<(double[] Scores, bool[] Positive, double Threshold, double Quantile)> Worlds =
        Gen.Int[1, 400].SelectMany(n => Gen.Select(
            Gen.Int[0, 20].Select(i => i / 20.0).Array[n],
            Gen.Bool.Array[n],
            Gen.Int[0, 20].Select(i => i / 20.0),
            Gen.Int[1, 50].Select(i => i / 100.0)));

    [Fact]
    public void Every_row_of_the_resolved_region_and_every_wrong_row_was_kept_and_is_still_wanted()
    {
        Worlds.Sample(world =>
        {
            var (scores, positive, threshold, quantile) = world;
            var choice = IdSelection.WrongOrNearest(threshold, quantile).Start(scores.Length);
            var kept = scores.Select((score, row) => choice.Keep(score, positive[row])).ToArray();
            Assert.True(choice.Covers(scores.Length));

            var point = Resolve(scores, positive, threshold, quantile);
            for (var row = 0; row < scores.Length; row++)
            {
                if (point.IsWrongOrInRegion(scores[row], positive[row]))
                {
                    Assert.True(kept[row], $"row {row} (score {scores[row]}) is in [{point.RegionLow}, {point.RegionHigh}] or wrong, but was not kept");
                    Assert.True(choice.StillWanted(scores[row], positive[row]), $"row {row} (score {scores[row]}) was dropped later");
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void At_the_end_exactly_the_nearest_on_each_side_and_the_wrong_rows_are_still_wanted()
    {
        // What stays wanted must be exact, or ids are held that no report will name (the fast pass
        // drops by it); any cheaper way of choosing must keep this.
        Worlds.Sample(world =>
        {
            var (scores, positive, threshold, quantile) = world;
            var choice = IdSelection.WrongOrNearest(threshold, quantile).Start(scores.Length);
            for (var row = 0; row < scores.Length; row++)
            {
                choice.Keep(scores[row], positive[row]);
            }

            var side = (int)Math.Ceiling(quantile * scores.Length * 1.25);
            var below = scores.Where(s => s < threshold).OrderDescending().ToArray();
            var above = scores.Where(s => s >= threshold).Order().ToArray();
            bool Nearest(double score) => score < threshold
                ? below.Length <= side || score >= below[side - 1]
                : above.Length <= side || score <= above[side - 1];
            for (var row = 0; row < scores.Length; row++)
            {
                var wrong = (scores[row] >= threshold) != positive[row];
                Assert.Equal(wrong || Nearest(scores[row]), choice.StillWanted(scores[row], positive[row]));
            }
        }, iter: 2000);
    }

    [Fact]
    public void A_file_with_more_rows_than_estimated_is_not_covered()
    {
        var choice = IdSelection.WrongOrNearest(0.5, 0.1).Start(estimatedRows: 100);
        var scores = Enumerable.Range(0, 1000).Select(i => i / 1000.0).ToArray();
        foreach (var score in scores)
        {
            choice.Keep(score, positive: score >= 0.5);
        }

        // 100 rows a side at 1,000 rows; chosen for 13 (ceil(0.1 x 100 x 1.25)).
        Assert.False(choice.Covers(1000));
        Assert.True(choice.Covers(100));
    }

    [Fact]
    public void Rows_far_from_the_threshold_and_right_are_not_wanted_at_the_end()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToArray();
        var choice = IdSelection.WrongOrNearest(0.5, 0.05).Start(scores.Length);
        foreach (var score in scores)
        {
            choice.Keep(score, positive: score >= 0.5);
        }

        // No row is wrong here: only the region's 2 x 5% (and the 25% margin) may still be wanted.
        var wanted = scores.Count(score => choice.StillWanted(score, score >= 0.5));
        Assert.InRange(wanted, 1000, 1250);
    }

    [Fact]
    public void Without_an_estimate_every_row_is_kept()
    {
        var choice = IdSelection.WrongOrNearest(0.5, 0.05).Start(estimatedRows: 0);
        Assert.All(Enumerable.Range(0, 100), i => Assert.True(choice.Keep(i / 100.0, positive: true)));
        Assert.True(choice.Covers(100));
    }

    private static OperatingPoint Resolve(double[] scores, bool[] positive, double threshold, double quantile)
    {
        var set = new ScoredSet("heldout", new DataFile("h.csv", "h.csv", ',', ["Label"]), scores, positive, new Dictionary<int, string>());
        var (low, high) = RegionResolver.Resolve(new RegionSettings(RegionKind.Quantile, quantile, new SourceLocation("q.yml", 1, 1)), threshold, RankedExamples.From(set));
        return new OperatingPoint(threshold, low, high, "fixed");
    }
}
