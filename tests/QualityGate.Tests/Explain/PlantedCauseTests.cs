using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Verbs;
using Xunit.Abstractions;

namespace QualityGate.Tests.Explain;

/// <summary>
/// Explain must find a cause that is known: ranked first by the feature comparison and by the
/// region importance on every seed tried, and a feature that matters only far from the
/// threshold must show next to no importance in the region.
/// </summary>
public sealed class PlantedCauseTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_planted_cause_is_ranked_first_by_both_measures(int seed)
    {
        using var data = new PlantedCause(seed);
        var explanation = Explain(data.Config());

        output.WriteLine(string.Join(", ", explanation.Features.Take(4).Select(f => $"{f.Feature.Name} {f.Pull:0.00}")));
        output.WriteLine(string.Join(", ", explanation.Importance!.Take(4).Select(i => $"{i.Group.Name} {i.ScoreChange:0.000}")));
        Assert.True(explanation.Groups[0].Heldout >= 30, $"only {explanation.Groups[0].Heldout} hard negatives");
        Assert.Equal("planted", explanation.Features[0].Feature.Name);
        Assert.Equal("planted", explanation.Importance![0].Group.Name);

        // It wins clearly, not by a hair.
        Assert.True(explanation.Features[1].Pull < explanation.Features[0].Pull * 0.5, $"runner-up {explanation.Features[1].Feature.Name} pulls {explanation.Features[1].Pull}");
        Assert.True(explanation.Importance[1].ScoreChange < explanation.Importance[0].ScoreChange * 0.9, $"runner-up {explanation.Importance[1].Group.Name} changes scores by {explanation.Importance[1].ScoreChange}");
    }

    [Fact]
    public void A_feature_that_matters_only_far_from_the_threshold_has_next_to_no_region_importance()
    {
        using var data = new PlantedCause(seed: 11);
        var near = Explain(data.Config(regionWidth: 0.1));
        var everywhere = Explain(data.Config(regionWidth: 0.5));

        double Far(QualityGate.Explain.Explanation e) => e.Importance!.Single(i => i.Group.Name == "far").ScoreChange;
        output.WriteLine($"far: {Far(near):0.0000} in the region, {Far(everywhere):0.0000} over all scores; top in the region {near.Importance![0].ScoreChange:0.0000}");

        // Over every score the model clearly uses it; among the close calls it changes nothing.
        Assert.True(Far(everywhere) > 0.01, $"the model should rely on 'far' somewhere: {Far(everywhere)}");
        Assert.True(Far(near) < near.Importance![0].ScoreChange / 50, $"'far' in the region: {Far(near)}");
        Assert.True(Far(near) < Far(everywhere) / 10);
    }

    private static QualityGate.Explain.Explanation Explain(string configPath) =>
        Verbs.Explain.Run(ConfigLoader.Load(configPath)).Explanation!;
}
