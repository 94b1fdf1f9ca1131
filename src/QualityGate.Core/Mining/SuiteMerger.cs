using QualityGate.Configuration;
using QualityGate.Suite;

namespace QualityGate.Mining;

/// <summary>
/// Adds newly mined items to a suite document within <c>max_size</c>. The eviction rule: when
/// the suite is full, a new item may replace an active item that the current model gets right
/// and that is easier (further on the right side of the threshold) than the new item, easiest
/// first, then oldest. Items the current model gets wrong, pinned items (confirmed mistakes that
/// must never come back), quarantined items (awaiting review) and rejected items (kept so they
/// are not mined again) are never evicted. Because every
/// replacement is by a strictly harder item, repeated runs converge.
/// </summary>
public static class SuiteMerger
{
    public static (SuiteDocument Document, MiningReport Report) Merge(
        SuiteDocument current,
        IReadOnlyList<(SuiteItem Item, double Hardness)> mined,
        IReadOnlyDictionary<string, double> currentScores,
        double threshold,
        MiningSettings mining,
        int candidates,
        int alreadyInSuite)
    {
        var items = current.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var evictable = new Queue<(SuiteItem Item, double Hardness)>(current.Items
            .Where(i => i.Status == SuiteStatus.Active && !i.Pinned && currentScores.TryGetValue(i.Id, out var s) && IsRight(i.Positive, s, threshold))
            .Select(i => (Item: i, Hardness: Hardness(i.Positive, currentScores[i.Id], threshold, mining)))
            .OrderBy(e => e.Hardness)
            .ThenBy(e => e.Item.Mined, StringComparer.Ordinal)
            .ThenBy(e => e.Item.Id, StringComparer.Ordinal));

        var added = new List<SuiteItem>();
        var evicted = new List<SuiteItem>();
        var skippedForSpace = 0;
        foreach (var (item, hardness) in mined)
        {
            if (items.ContainsKey(item.Id))
            {
                // Another run added it since this run read the suite.
                continue;
            }

            if (items.Count >= mining.MaxSize)
            {
                if (evictable.Count == 0 || evictable.Peek().Hardness >= hardness)
                {
                    skippedForSpace++;
                    continue;
                }

                var (old, _) = evictable.Dequeue();
                items.Remove(old.Id);
                evicted.Add(old);
            }

            items[item.Id] = item;
            added.Add(item);
        }

        List<string> warnings = skippedForSpace > 0
            ? [$"The suite is full ({mining.MaxSize} items): {skippedForSpace} new items were not added, because every item they could replace is harder or still wrong."]
            : [];
        return (current.With(items.Values), new MiningReport(added, evicted, candidates, alreadyInSuite, warnings));
    }

    private static bool IsRight(bool positive, double score, double threshold) => (score >= threshold) == positive;

    private static double Hardness(bool positive, double score, double threshold, MiningSettings mining) =>
        positive ? threshold + mining.Margin - score : score - (threshold - mining.Margin);
}
