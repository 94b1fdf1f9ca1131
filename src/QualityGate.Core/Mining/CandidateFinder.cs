using QualityGate.Configuration;
using QualityGate.Scoring;

namespace QualityGate.Mining;

/// <summary>
/// Finds mining candidates in scored data: negatives scoring at or above t - margin (false
/// positives and near misses) and, when asked, positives scoring below t + margin. Rows with the
/// same identity are one example; the same identity with both labels is a label conflict.
/// Identical features give identical scores, so a conflicting twin always lies in the same band
/// and is seen here.
/// </summary>
public static class CandidateFinder
{
    public sealed record Found(IReadOnlyList<MiningCandidate> Selected, int Candidates, int AlreadyInSuite);

    /// <summary>Whether a row must be identified for mining, decided before its id is computed.</summary>
    public static bool InBand(double score, bool positive, double threshold, MiningSettings mining) =>
        score >= threshold - mining.Margin || (mining.Positives && score < threshold + mining.Margin);

    public static Found Find(IEnumerable<ScoredSet> sources, double threshold, MiningSettings mining, IReadOnlySet<string> inSuite)
    {
        var examples = new Dictionary<string, Example>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (row, id) in source.Ids.OrderBy(p => p.Key))
            {
                var score = source.Scores[row];
                var positive = source.Positive[row];
                if (!InBand(score, positive, threshold, mining))
                {
                    continue;
                }

                if (!examples.TryGetValue(id, out var example))
                {
                    example = new Example(score);
                    examples[id] = example;
                }

                example.Seen(positive, source, row);
            }
        }

        var top = new TopK<MiningCandidate>(mining.MaxNew, c => (c.Hardness, c.Id));
        int candidates = 0, alreadyIn = 0;
        foreach (var (id, example) in examples)
        {
            var candidate = example.ToCandidate(id, threshold, mining);
            if (candidate is null)
            {
                continue;
            }

            candidates++;
            if (inSuite.Contains(id))
            {
                alreadyIn++;
                continue;
            }

            top.Offer(candidate);
        }

        return new Found(top.Drain(), candidates, alreadyIn);
    }

    private sealed class Example(double score)
    {
        private (ScoredSet Source, int Row)? _firstNegative;
        private (ScoredSet Source, int Row)? _firstPositive;

        public void Seen(bool positive, ScoredSet source, int row)
        {
            if (positive)
            {
                _firstPositive ??= (source, row);
            }
            else
            {
                _firstNegative ??= (source, row);
            }
        }

        public MiningCandidate? ToCandidate(string id, double threshold, MiningSettings mining)
        {
            var conflict = _firstNegative is { } n && _firstPositive is { } p
                ? $"label conflict: the same features are labelled negative ({Where(n)}) and positive ({Where(p)})"
                : null;

            // A hard negative first: that is what the suite is for.
            if (_firstNegative is { } negative && score >= threshold - mining.Margin)
            {
                return new MiningCandidate(id, false, score, score - (threshold - mining.Margin), negative.Source.File, negative.Row, conflict);
            }

            if (mining.Positives && _firstPositive is { } positive && score < threshold + mining.Margin)
            {
                return new MiningCandidate(id, true, score, threshold + mining.Margin - score, positive.Source.File, positive.Row, conflict);
            }

            return null;
        }

        private static string Where((ScoredSet Source, int Row) at) => $"{at.Source.File.DisplayPath} line {at.Row + 2}";
    }
}
