namespace QualityGate.Scoring;

/// <summary>
/// The rows a quantile region around a fixed threshold may hold, chosen as a pass meets them.
/// The region spans the ceil(q n) scores nearest the threshold on each side (see
/// <c>Metrics.RegionResolver</c>), n known only at the end. This keeps, on each side, the
/// <paramref name="side"/> scores nearest the threshold seen so far: a row is taken when it is
/// one of them on arrival. A row of the final region was one of the nearest <paramref name="side"/>
/// on arrival too (later rows only push the edge toward the threshold), so while ceil(q n) is at
/// most <paramref name="side"/> (<see cref="Covers"/>), every row of the region was taken, its
/// edge's ties included; a row left behind by the edge later (<see cref="Near"/> false) never
/// comes back.
/// </summary>
internal sealed class NearestRows(double threshold, double quantile, int side)
{
    // The highest scores below the threshold, lowest first; the lowest scores at or above it, highest first.
    private readonly PriorityQueue<double, double> _below = new();
    private readonly PriorityQueue<double, double> _above = new();

    /// <summary>Takes the next row's score; whether it is among the nearest so far on its side (ties with the edge included).</summary>
    public bool Take(double score)
    {
        var (queue, priority) = score < threshold ? (_below, score) : (_above, -score);
        if (queue.Count < side)
        {
            queue.Enqueue(score, priority);
            return true;
        }

        queue.TryPeek(out _, out var edge);
        if (priority < edge)
        {
            return false;
        }

        if (priority > edge)
        {
            queue.EnqueueDequeue(score, priority);
        }

        return true;
    }

    /// <summary>Whether a score taken earlier is still among the nearest on its side.</summary>
    public bool Near(double score)
    {
        var (queue, priority) = score < threshold ? (_below, score) : (_above, -score);
        return queue.Count < side || (queue.TryPeek(out _, out var edge) && priority >= edge);
    }

    /// <summary>Whether the rows taken hold the region of a set of <paramref name="rows"/> rows.</summary>
    public bool Covers(int rows) => Math.Ceiling(quantile * rows) <= side;
}
