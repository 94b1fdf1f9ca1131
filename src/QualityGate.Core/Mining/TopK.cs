namespace QualityGate.Mining;

/// <summary>
/// The k largest items by a key, kept in a min-heap of size k: memory grows with k, not with
/// the number of items offered. Ties are broken by the item's stable name, so the result does
/// not depend on the order items arrive in.
/// </summary>
internal sealed class TopK<T>(int k, Func<T, (double Key, string Name)> rank)
{
    private readonly PriorityQueue<T, (double Key, string Name)> _heap = new(Comparer<(double Key, string Name)>.Create(Compare));

    /// <summary>Offers an item; says whether it was kept and which item, if any, it pushed out.</summary>
    public bool Offer(T item, out T? evicted)
    {
        evicted = default;
        if (k == 0)
        {
            return false;
        }

        var key = rank(item);
        if (_heap.Count < k)
        {
            _heap.Enqueue(item, key);
            return true;
        }

        if (_heap.TryPeek(out _, out var smallest) && Compare(key, smallest) > 0)
        {
            evicted = _heap.DequeueEnqueue(item, key);
            return true;
        }

        return false;
    }

    public bool Offer(T item) => Offer(item, out _);

    /// <summary>Whether an item of this key and name would be kept, decided before the item is made.</summary>
    public bool Admits(double key, ReadOnlySpan<char> name)
    {
        if (k == 0)
        {
            return false;
        }

        if (_heap.Count < k || !_heap.TryPeek(out _, out var smallest))
        {
            return true;
        }

        return Compare(key, name, smallest.Key, smallest.Name) > 0;
    }

    /// <summary>The kept items, largest first.</summary>
    public List<T> Drain()
    {
        var items = new List<T>(_heap.Count);
        while (_heap.TryDequeue(out var item, out _))
        {
            items.Add(item);
        }

        items.Reverse();
        return items;
    }

    /// <summary>Larger key first; among equal keys the smaller name counts as larger, so it is kept.</summary>
    private static int Compare((double Key, string Name) a, (double Key, string Name) b) => Compare(a.Key, a.Name, b.Key, b.Name);

    private static int Compare(double aKey, ReadOnlySpan<char> aName, double bKey, ReadOnlySpan<char> bName)
    {
        var byKey = aKey.CompareTo(bKey);
        return byKey != 0 ? byKey : bName.SequenceCompareTo(aName);
    }
}
