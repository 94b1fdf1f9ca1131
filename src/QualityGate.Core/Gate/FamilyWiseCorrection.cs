using QualityGate.Configuration;
using QualityGate.Regression;
using QualityGate.Statistics;

namespace QualityGate.Gate;

/// <summary>
/// Corrects every statistical decision of a run for their number (Holm's step-down method):
/// absolute limits, slice limits and checks against the baseline alike. A run that decides
/// twenty limits at 95% each would otherwise fail about two builds in three when nothing changed.
/// <para>
/// Each evidence mode is its own family, because each controls a different error. Under
/// <c>significant</c> the null hypothesis is "within the limit" and rejecting it fails the build:
/// the family bounds the chance of any false failure. Under <c>demonstrated</c> the null is
/// "past the limit" and rejecting it passes: the family bounds the chance of any false pass.
/// <c>point</c>, counts and inconclusive decisions have no p-value and are left as they are.
/// </para>
/// </summary>
public static class FamilyWiseCorrection
{
    public static (IReadOnlyList<LimitOutcome> Limits, IReadOnlyList<RegressionOutcome> Regression) Apply(
        IReadOnlyList<LimitOutcome> limits, IReadOnlyList<RegressionOutcome> regression, StatisticsSettings statistics)
    {
        var correctedLimits = limits.ToArray();
        var correctedRegression = regression.ToArray();
        var alpha = 1 - statistics.Confidence;
        foreach (var evidence in new[] { Evidence.Significant, Evidence.Demonstrated })
        {
            var family = new List<(bool IsLimit, int Index, double P)>();
            family.AddRange(correctedLimits.Select((o, i) => (o, i))
                .Where(x => x.o.Evidence == evidence && x.o.PValue is not null && x.o.Verdict != Verdict.Inconclusive)
                .Select(x => (true, x.i, x.o.PValue!.Value)));
            family.AddRange(correctedRegression.Select((o, i) => (o, i))
                .Where(x => x.o.Evidence == evidence && x.o.PValue is not null && x.o.Verdict != Verdict.Inconclusive)
                .Select(x => (false, x.i, x.o.PValue!.Value)));
            if (family.Count == 0)
            {
                continue;
            }

            var pValues = family.Select(f => f.P).ToArray();
            var holm = statistics.Multiplicity == Multiplicity.Holm;
            var rejected = holm ? Holm.Reject(pValues, alpha) : [.. pValues.Select(p => p <= alpha)];
            var adjusted = holm ? Holm.Adjust(pValues) : pValues;
            for (var f = 0; f < family.Count; f++)
            {
                // Rejecting "within the limit" fails; rejecting "past the limit" passes.
                var verdict = evidence == Evidence.Significant
                    ? rejected[f] ? Verdict.Failed : Verdict.Passed
                    : rejected[f] ? Verdict.Passed : Verdict.Failed;
                var note = holm
                    ? $"; Holm-adjusted p = {PValueText(adjusted[f])} over {family.Count} {(family.Count == 1 ? "check" : "checks")}"
                    : $"; p = {PValueText(pValues[f])}, uncorrected (multiplicity: none)";
                var (isLimit, index, _) = family[f];
                if (isLimit)
                {
                    var outcome = correctedLimits[index];
                    correctedLimits[index] = outcome with { Verdict = verdict, AdjustedPValue = adjusted[f], Message = outcome.Message + note + Changed(outcome.Verdict, verdict) };
                }
                else
                {
                    var outcome = correctedRegression[index];
                    correctedRegression[index] = outcome with { Verdict = verdict, HolmPValue = adjusted[f], Message = outcome.Message + note + Changed(outcome.Verdict, verdict) };
                }
            }
        }

        return (correctedLimits, correctedRegression);
    }

    /// <summary>Says so when the correction changed what the bound alone would have decided.</summary>
    private static string Changed(Verdict uncorrected, Verdict corrected) =>
        uncorrected == corrected ? string.Empty
        : corrected == Verdict.Passed ? " (the bound alone would fail it: among this many checks it is within noise)"
        : " (the bound alone would pass it: among this many checks the evidence is not strong enough)";

    public static string PValueText(double p) => p < 0.0001 ? "< 0.0001" : Wording.Number(p);
}
