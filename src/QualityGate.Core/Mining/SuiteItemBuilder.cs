using System.Globalization;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Suite;

namespace QualityGate.Mining;

/// <summary>
/// Turns selected candidates (with their rows' text) into suite items and decides their status.
/// </summary>
public static class SuiteItemBuilder
{
    public static List<(SuiteItem Item, double Hardness)> Build(
        IReadOnlyList<MiningCandidate> selected,
        IReadOnlyList<string> dataColumns,
        MiningSettings mining,
        string modelTag,
        string date,
        Func<string, string> display)
    {
        foreach (var file in selected.Select(c => c.Source).Distinct())
        {
            RequireDataColumns(file, dataColumns);
        }

        return [.. selected.Select(c =>
        {
            var (status, reason) = Decide(c, mining);
            var item = new SuiteItem(c.Id, status, c.Positive, c.Score, modelTag, date, display(c.Source.Path), reason, [.. c.Fields ?? throw new InvalidOperationException($"Candidate {c.Id} was selected without its row.")]);
            return (item, c.Hardness);
        })];
    }

    /// <summary>A suite holds rows of one shape: a file whose rows may join it must have the held-out set's columns, in order.</summary>
    public static void RequireDataColumns(DataFile file, IReadOnlyList<string> dataColumns)
    {
        if (!file.Columns.SequenceEqual(dataColumns))
        {
            throw new DataException(ErrorCodes.DataMissingColumn,
                $"'{file.DisplayPath}' does not have the held-out set's columns in the same order, so its rows cannot join the suite.",
                new SourceLocation(file.DisplayPath, 1, 0));
        }
    }

    /// <summary>Conflicting labels and implausibly confident mistakes wait for a person; the rest are active.</summary>
    private static (SuiteStatus, string) Decide(MiningCandidate candidate, MiningSettings mining)
    {
        if (candidate.Conflict is { } conflict)
        {
            return (SuiteStatus.Quarantined, conflict);
        }

        if (mining.SuspectAbove is { } suspect)
        {
            if (!candidate.Positive && candidate.Score >= suspect)
            {
                return (SuiteStatus.Quarantined, $"likely mislabelled: a negative scored {Format(candidate.Score)}, at or above suspect_above {Format(suspect)}");
            }

            if (candidate.Positive && candidate.Score <= 1 - suspect)
            {
                return (SuiteStatus.Quarantined, $"likely mislabelled: a positive scored {Format(candidate.Score)}, at or below 1 - suspect_above");
            }
        }

        return (SuiteStatus.Active, string.Empty);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
