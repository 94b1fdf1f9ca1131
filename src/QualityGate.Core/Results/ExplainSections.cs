using QualityGate.Explain;

namespace QualityGate.Results;

/// <summary>The <c>explain</c> section, written by <c>qgate explain</c>; null otherwise.</summary>
internal static class ExplainSections
{
    public static ExplainSection? From(Explanation? explanation) => explanation is null ? null : new ExplainSection(
        ResultDocumentBuilder.Finite(explanation.HardFrom),
        explanation.Settings.Seed,
        explanation.Settings.Sample,
        explanation.Settings.Repeats,
        explanation.Settings.Top,
        explanation.Groups.ToDictionary(g => GroupName(g.Group), g => new ExplainGroupSize(g.Heldout, g.Suite, g.Sampled), StringComparer.Ordinal),
        new ExplainRegion(explanation.RegionExamples, explanation.RegionSampled),
        [.. explanation.Features.Select(Feature)],
        explanation.Importance?.Select(i => new ExplainedGroup(i.Group.Name, i.Group.Columns.Count, F(i.ScoreChange), F(i.ErrorRateChange), F(i.FlipShare),
            i.Group.Word is { } word ? new ExplainedWord(word.Column, word.Text) : null)).ToList(),
        [.. explanation.Distributions.Select(d => new ExplainedDistribution(
            d.Feature, d.Low, d.High, d.Hard, d.Easy, d.Positives,
            d.ZeroShares is { } zeros ? new ZeroShares(F(zeros[0]), F(zeros[1]), F(zeros[2])) : null))],
        explanation.Notes);

    public static string GroupName(ExampleGroup group) => group switch
    {
        ExampleGroup.HardNegative => ExplainSection.HardNegatives,
        ExampleGroup.EasyNegative => ExplainSection.EasyNegatives,
        _ => ExplainSection.Positives,
    };

    private static ExplainedFeature Feature(FeatureComparison feature) => new(
        feature.Feature.Name,
        feature.Feature.ModelInput,
        F(feature.Pull),
        F(feature.HardVsEasy),
        F(feature.HardVsPositives),
        F(feature.PositivesVsEasy),
        Summary(feature.Hard),
        Summary(feature.Easy),
        Summary(feature.Positives),
        feature.Feature.Word is { } word ? new ExplainedWord(word.Column, word.Text) : null);

    private static FeatureSummary Summary(GroupSummary s) =>
        new(s.Count, F(s.MissingShare), F(s.ZeroShare), F(s.Mean), F(s.StandardDeviation), F(s.P10), F(s.P25), F(s.Median), F(s.P75), F(s.P90));

    private static double? F(double? value) => ResultDocumentBuilder.Finite(value);
}
