using QualityGate.Scoring;

namespace QualityGate.Mining;

/// <summary>
/// The exact scores of the candidates whose label conflict is not known yet, per label. A twin
/// (the same features with the other label) scores exactly what its candidate scores, so only the
/// rows of the other label with one of these scores need identifying after the pass. The scan
/// meets every row of the set (5 million on the benchmark's largest): a row outside the scores'
/// range is passed over with two comparisons, and the rest look up one set of doubles.
/// </summary>
internal sealed class TwinScores
{
    // Indexed by the candidate's label: [0] negatives' scores, [1] positives'.
    private readonly HashSet<double>[] _scores = [[], []];
    private readonly double _lowest = double.PositiveInfinity;
    private readonly double _highest = double.NegativeInfinity;

    public TwinScores(IEnumerable<MiningCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            _scores[candidate.Positive ? 1 : 0].Add(candidate.Score);
            _lowest = Math.Min(_lowest, candidate.Score);
            _highest = Math.Max(_highest, candidate.Score);
        }
    }

    /// <summary>The rows of <paramref name="set"/> that could be a candidate's twin: the other label, a candidate's exact score.</summary>
    public HashSet<int> RowsOfOtherLabel(ScoredSet set)
    {
        var rows = new HashSet<int>();
        var (scores, positive) = (set.Scores, set.PositiveArray);
        for (var row = 0; row < set.Count; row++)
        {
            var score = scores[row];
            if (score >= _lowest && score <= _highest && _scores[positive[row] ? 0 : 1].Contains(score))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
