using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// The ids of a few rows of a scored set after its pass: those the pass kept, and the rest read
/// back as text and loaded on their own, so their ids come from the very same loader and hashing
/// as in the pass, without parsing the whole file again.
/// </summary>
public static class RowIdentifier
{
    /// <param name="records">The rows' text, already read back with <see cref="RowFetcher"/>.</param>
    public static IReadOnlyDictionary<int, string> Identify(IModelScorer scorer, ScoredSet set, IReadOnlySet<int> rows, IReadOnlyDictionary<int, FetchedRow> records)
    {
        var ids = rows.Where(set.Ids.ContainsKey).ToDictionary(r => r, r => set.Ids[r]);
        var missing = rows.Where(r => !ids.ContainsKey(r)).Order().ToList();
        if (missing.Count == 0)
        {
            return ids;
        }

        try
        {
            using var rowsFile = TemporaryRows.Write(set.File, missing.Select(r => records[r].Fields));
            var found = ScoringPass.IdentifyAll(rowsFile.File, scorer.Score(rowsFile.File, []));
            for (var i = 0; i < missing.Count; i++)
            {
                ids[missing[i]] = found[i];
            }

            return ids;
        }
        catch (DataException e)
        {
            throw new DataException(e.Code, $"'{set.File.DisplayPath}' could not be read again: {e.Message}", new SourceLocation(set.File.DisplayPath, 0, 0), inner: e);
        }
    }
}
