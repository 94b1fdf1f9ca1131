using QualityGate.Configuration;

namespace QualityGate.Metrics;

/// <summary>
/// Turns <c>region</c> into a score band around the threshold t.
/// <c>width: d</c> is [t - d, t + d]. <c>quantile: q</c> spans ceil(q n) held-out examples on
/// each side of t: from the score of the ceil(q n)-th example below t to that of the ceil(q n)-th
/// at or above it, widened to its edges' ties (scores equal to an edge are inside).
/// </summary>
internal static class RegionResolver
{
    public static (double Low, double High) Resolve(RegionSettings region, double threshold, RankedExamples heldout)
    {
        if (region.Kind == RegionKind.Width)
        {
            return (threshold - region.Parameter, threshold + region.Parameter);
        }

        // Ranked examples are sorted high to low; read from the end they ascend (read in place: a
        // copy is 8 bytes a row). below = how many score under t.
        var scores = heldout.Scores;
        var n = scores.Count;
        double Ascending(int index) => scores[n - 1 - index];
        var below = 0;
        while (below < n && Ascending(below) < threshold)
        {
            below++;
        }

        var side = (int)Math.Ceiling(region.Parameter * n);
        var lowIndex = Math.Max(0, below - side);
        var highIndex = Math.Min(n - 1, below + side - 1);
        var low = below == 0 ? threshold : Ascending(lowIndex);
        var high = below == n ? threshold : Ascending(highIndex);
        return (Math.Min(low, threshold), Math.Max(high, threshold));
    }
}
