using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// Scores rows made up from a data file's rows (a feature shuffled, or set to a typical value)
/// through the model's own loader: they are written with that file's header and separator, so
/// they are read exactly as the file is.
/// </summary>
public static class Rescoring
{
    /// <param name="what">What the rows are, for the message when they cannot be scored.</param>
    public static IReadOnlyList<double> Score(IModelScorer scorer, DataFile like, LabelMatcher labels, IEnumerable<IEnumerable<string>> rows, string what)
    {
        try
        {
            using var rowsFile = TemporaryRows.Write(like, rows);
            return ScoringPass.Read("rescored", rowsFile.File, scorer.Score(rowsFile.File, []), labels, IdSelection.None).Scores;
        }
        catch (DataException e)
        {
            throw new DataException(e.Code, $"{what} from '{like.DisplayPath}' could not be scored again: {e.Message}", new SourceLocation(like.DisplayPath, 0, 0), inner: e);
        }
    }
}
