using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Metrics;

namespace QualityGate.Results;

/// <summary>The <c>slices</c> section: every slice with its status, size and key rates; null without <c>slices</c> in the config.</summary>
internal static class SliceSections
{
    public static SlicesSection? From(GateResult result)
    {
        if (result.Config.Slices is not { } settings)
        {
            return null;
        }

        return new SlicesSection(settings.MinSize, [.. result.Slices.Select(slice => new SliceRow(
            slice.DataSet,
            slice.Column,
            slice.Name,
            slice.Status.ToString().ToLowerInvariant(),
            slice.Count,
            slice.Positives,
            slice.TooSmall,
            result.VerdictOf(slice.Label),
            slice.Note,
            ResultDocumentBuilder.Metrics(SlicesSection.Shown.Select(name => slice.Evaluation?.Find(new MetricName(name))).OfType<MetricValue>())))]);
    }
}
