using System.Runtime.InteropServices;

namespace QualityGate.Metrics;

/// <summary>
/// Sorts floats ascending carrying a label each, in place: an American flag sort (McIlroy, Bostic
/// and McIlroy, "Engineering radix sort", 1993) of their bits, 11 bits a level from the top. Each
/// level counts its keys' digits, moves every key into its digit's bucket in place, and sorts each
/// large bucket by the next digit; small buckets are sorted by comparison. Linear in the count, and
/// no second copy of the keys: a sort that needed one (a least-significant-digit radix sort) ended
/// as quick but raised the check's memory peak by 5-7 MB at a million rows. The order within ties
/// is the sort's own. NaN keys have no place in the order: callers sort those otherwise.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Buckets smaller than this are sorted by comparison.</summary>
    private const int SmallBucket = 64;

    public static void Sort(float[] keys, bool[] items)
    {
        var bits = MemoryMarshal.Cast<float, uint>(keys.AsSpan());
        foreach (ref var key in bits)
        {
            // Negatives' bits flipped, the others' sign bit set: unsigned order is the floats' order.
            key = (key & 0x8000_0000) != 0 ? ~key : key | 0x8000_0000;
        }

        SortBucket(bits, items, 32 - DigitBits);
        foreach (ref var key in bits)
        {
            key = (key & 0x8000_0000) != 0 ? key & 0x7FFF_FFFF : ~key;
        }
    }

    /// <summary>Sorts keys that agree above <paramref name="shift"/> + 11 bits by the digit at <paramref name="shift"/>, then each bucket by the bits below.</summary>
    private static void SortBucket(Span<uint> keys, Span<bool> items, int shift)
    {
        if (keys.Length < SmallBucket || shift < 0)
        {
            keys.Sort(items);
            return;
        }

        Span<int> ends = stackalloc int[Buckets];
        foreach (var key in keys)
        {
            ends[Digit(key, shift)]++;
        }

        Span<int> next = stackalloc int[Buckets];
        for (int digit = 0, start = 0; digit < Buckets; digit++)
        {
            next[digit] = start;
            start += ends[digit];
            ends[digit] = start;
        }

        // Each key goes to the next free place of its digit's bucket; the key found there moves on in turn.
        for (var digit = 0; digit < Buckets; digit++)
        {
            while (next[digit] < ends[digit])
            {
                var (key, item) = (keys[next[digit]], items[next[digit]]);
                var home = Digit(key, shift);
                while (home != digit)
                {
                    var at = next[home]++;
                    (key, keys[at]) = (keys[at], key);
                    (item, items[at]) = (items[at], item);
                    home = Digit(key, shift);
                }

                keys[next[digit]] = key;
                items[next[digit]] = item;
                next[digit]++;
            }
        }

        for (int digit = 0, start = 0; digit < Buckets; start = ends[digit], digit++)
        {
            var length = ends[digit] - start;
            if (length > 1)
            {
                SortBucket(keys.Slice(start, length), items.Slice(start, length), shift - DigitBits);
            }
        }
    }

    private static int Digit(uint key, int shift) => (int)((key >> shift) & (Buckets - 1));
}
