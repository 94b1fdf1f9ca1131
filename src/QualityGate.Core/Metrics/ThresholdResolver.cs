using System.Globalization;
using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Metrics;

/// <summary>
/// Chooses the threshold for a target on the held-out set. Candidates are the distinct scores
/// (and, for <c>at_fpr</c>, a threshold just above the highest score, which predicts nothing positive).
/// <list type="bullet">
/// <item><c>at_fpr: x</c>: the lowest threshold whose false-positive rate is at most x (the most recall the FPR budget allows).</item>
/// <item><c>at_recall: x</c>: the highest threshold whose recall is at least x (the fewest false positives that reach it).</item>
/// <item><c>at_precision: x</c>: the lowest threshold whose precision is at least x (the most recall at that precision).</item>
/// </list>
/// </summary>
internal static class ThresholdResolver
{
    public static double Resolve(ThresholdSettings settings, RankedExamples heldout)
    {
        if (settings.Value is { } value)
        {
            return value;
        }

        var target = settings.TargetValue;
        double? chosen = settings.Target == ThresholdTarget.AtFpr ? Math.BitIncrement(heldout.Scores[0]) : null;
        foreach (var (threshold, tp, fp) in heldout.Cumulative())
        {
            switch (settings.Target)
            {
                case ThresholdTarget.AtFpr when fp / heldout.Negatives <= target:
                case ThresholdTarget.AtPrecision when tp / (tp + fp) >= target:
                    chosen = threshold;
                    break;
                case ThresholdTarget.AtRecall when tp / heldout.Positives >= target:
                    return threshold;
            }
        }

        return chosen ?? throw new DataException(
            ErrorCodes.MetricNotComputable,
            $"No threshold reaches {settings.Target switch { ThresholdTarget.AtPrecision => "precision", _ => "recall" }} {target.ToString(CultureInfo.InvariantCulture)} on the held-out set.",
            settings.Location,
            "Lower the target or improve the model.");
    }
}
