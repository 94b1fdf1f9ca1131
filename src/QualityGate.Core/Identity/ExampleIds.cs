using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace QualityGate.Identity;

/// <summary>
/// A sorted multiset of example ids, as the baseline and the paired comparisons hold them: the
/// rows a model got wrong or had in its region. Hash ids (32 lowercase hex digits, every id when
/// there is no id column) are kept as 128-bit values, 16 bytes each instead of a 90-byte string,
/// and formatted only when read; an id column's text is kept as it is. Fixed-width lowercase hex
/// sorts as its value does, so both forms list the ids in the same (ordinal) order.
/// </summary>
[CollectionBuilder(typeof(ExampleIds), nameof(Create))]
public sealed class ExampleIds : IReadOnlyList<string>
{
    private const int HashDigits = ExampleIdentity.Digits;

    private const int FlushBytes = 1 << 16;

    private readonly UInt128[]? _hashes;
    private readonly string[]? _texts;

    private ExampleIds(UInt128[]? hashes, string[]? texts) => (_hashes, _texts) = (hashes, texts);

    public static ExampleIds Empty { get; } = new([], null);

    /// <summary>True when every id is a hash, kept as its value; such ids are well-formed by construction.</summary>
    public bool IsCompact => _hashes is not null;

    public int Count => _hashes?.Length ?? _texts!.Length;

    public string this[int index] => _hashes is { } hashes ? ExampleIdentity.Format(hashes[index]) : _texts![index];

    /// <summary>For collection expressions: <c>ExampleIds ids = [a, b];</c></summary>
    public static ExampleIds Create(ReadOnlySpan<string> ids) => Of(ids.ToArray());

    /// <summary>These ids, sorted; compact when every one is a hash id.</summary>
    public static ExampleIds Of(IEnumerable<string> ids)
    {
        var texts = ids as IReadOnlyCollection<string> ?? [.. ids];
        var hashes = new UInt128[texts.Count];
        var index = 0;
        foreach (var id in texts)
        {
            if (!TryParseHash(id, out hashes[index++]))
            {
                string[] sorted = [.. texts];
                Array.Sort(sorted, StringComparer.Ordinal);
                return new ExampleIds(null, sorted);
            }
        }

        return OfHashes(hashes);
    }

    /// <summary>These hash ids, sorted in place and kept without formatting.</summary>
    public static ExampleIds OfHashes(UInt128[] hashes)
    {
        Array.Sort(hashes);
        return new ExampleIds(hashes, null);
    }

    /// <summary>
    /// A hash id from its 32 lowercase hex digits, as UTF-8 (straight from a JSON file, no string
    /// made); false for any other text, which is then kept as text. Uppercase digits are not the
    /// text a run writes, so such an id stays text and matches nothing.
    /// </summary>
    public static bool TryParseHash(ReadOnlySpan<byte> utf8, out UInt128 hash)
    {
        Span<byte> digest = stackalloc byte[HashDigits / 2];
        var parsed = utf8.Length == HashDigits && !utf8.ContainsAnyInRange((byte)'A', (byte)'Z')
            && Convert.FromHexString(utf8, digest, out _, out _) == OperationStatus.Done;
        hash = parsed ? BinaryPrimitives.ReadUInt128BigEndian(digest) : default;
        return parsed;
    }

    private static bool TryParseHash(string id, out UInt128 hash)
    {
        Span<byte> digest = stackalloc byte[HashDigits / 2];
        var parsed = id.Length == HashDigits && !id.AsSpan().ContainsAnyInRange('A', 'Z')
            && Convert.FromHexString(id, digest, out _, out _) == OperationStatus.Done;
        hash = parsed ? BinaryPrimitives.ReadUInt128BigEndian(digest) : default;
        return parsed;
    }

    /// <summary>Both multisets together (an id in both appears in both counts), sorted.</summary>
    public ExampleIds Concat(ExampleIds other)
    {
        if (_hashes is { } a && other._hashes is { } b)
        {
            return new ExampleIds(Merge(a, b, (x, y) => x.CompareTo(y)), null);
        }

        return new ExampleIds(null, Merge(Texts(), other.Texts(), string.CompareOrdinal));
    }

    /// <summary>The ids of this multiset that <paramref name="other"/> also holds, each as often as both hold it.</summary>
    public ExampleIds Intersect(ExampleIds other)
    {
        if (_hashes is { } a && other._hashes is { } b)
        {
            return new ExampleIds(Common(a, b, (x, y) => x.CompareTo(y)), null);
        }

        return new ExampleIds(null, Common(Texts(), other.Texts(), string.CompareOrdinal));
    }

    /// <summary>
    /// The ids either multiset holds, each once, sorted: what <c>Concat(other).Distinct()</c> gives,
    /// in one array of the result's size instead of two of the sum's (a 1M-row result's wrong and
    /// region ids: 2.7 MB instead of 8).
    /// </summary>
    public ExampleIds Union(ExampleIds other)
    {
        if (_hashes is { } a && other._hashes is { } b)
        {
            return new ExampleIds(Union(a, b, (x, y) => x.CompareTo(y)), null);
        }

        return new ExampleIds(null, Union(Texts(), other.Texts(), string.CompareOrdinal));
    }

    /// <summary>Each id once, sorted.</summary>
    public ExampleIds Distinct() => _hashes is { } hashes
        ? new ExampleIds(Unique(hashes, (x, y) => x == y), null)
        : new ExampleIds(null, Unique(_texts!, string.Equals));

    /// <summary>Only the ids <paramref name="keep"/> accepts, in order.</summary>
    public ExampleIds Where(Func<string, bool> keep) => Of([.. Enumerable.Where(this, keep)]);

    /// <summary>Writes a list of ids as a JSON array: an <see cref="ExampleIds"/> without a string per id, any other list as its strings.</summary>
    public static void WriteArray(Utf8JsonWriter json, IReadOnlyList<string> ids)
    {
        json.WriteStartArray();
        if (ids is ExampleIds compact)
        {
            compact.WriteTo(json);
        }
        else
        {
            foreach (var id in ids)
            {
                json.WriteStringValue(id);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes every id as a JSON string, a hash id formatted on the stack: the same text as
    /// enumerating the ids, without a string per id (a 1M-row result lists 175,000 of them).
    /// </summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        if (_texts is { } texts)
        {
            foreach (var text in texts)
            {
                json.WriteStringValue(text);
            }

            return;
        }

        Span<char> digits = stackalloc char[HashDigits];
        foreach (var hash in _hashes!)
        {
            ExampleIdentity.Format(hash, digits);
            json.WriteStringValue(digits);

            // A writer over a stream passes its bytes on here; one over a buffer only commits them.
            // Without this a million ids grow the writer's buffer to tens of megabytes.
            if (json.BytesPending > FlushBytes)
            {
                json.Flush();
            }
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] Texts() => _texts ?? [.. this];

    private static T[] Merge<T>(T[] a, T[] b, Comparison<T> compare)
    {
        var merged = new T[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            merged[k++] = j == b.Length || (i < a.Length && compare(a[i], b[j]) <= 0) ? a[i++] : b[j++];
        }

        return merged;
    }

    // Common, Union and Unique count first and fill an array of the exact size: a growing list and
    // its copy held a 5M-row check's ids (14 MB a set) two and three times over.
    private static T[] Common<T>(T[] a, T[] b, Comparison<T> compare) => Exactly<T>(into => Walk(a, b, compare, into));

    private static T[] Union<T>(T[] a, T[] b, Comparison<T> compare) => Exactly<T>(into => WalkUnion(a, b, compare, into));

    /// <summary>Runs a walk once to count, then again to fill an array of that count.</summary>
    private static T[] Exactly<T>(Func<T[]?, int> walk)
    {
        var exact = new T[walk(null)];
        walk(exact);
        return exact;
    }

    /// <summary>Walks two sorted arrays side by side; counts the ids both hold and, given a place, puts them there.</summary>
    private static int Walk<T>(T[] a, T[] b, Comparison<T> compare, T[]? into)
    {
        int i = 0, j = 0, found = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = compare(a[i], b[j]);
            if (order == 0)
            {
                if (into is not null)
                {
                    into[found] = a[i];
                }

                found++;
                i++;
                j++;
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return found;
    }

    /// <summary>Walks two sorted arrays in merged order; counts the distinct ids and, given a place, puts them there.</summary>
    private static int WalkUnion<T>(T[] a, T[] b, Comparison<T> compare, T[]? into)
    {
        int i = 0, j = 0, found = 0;
        var last = default(T);
        while (i < a.Length || j < b.Length)
        {
            var next = j == b.Length || (i < a.Length && compare(a[i], b[j]) <= 0) ? a[i++] : b[j++];
            if (found == 0 || compare(last!, next) != 0)
            {
                if (into is not null)
                {
                    into[found] = next;
                }

                last = next;
                found++;
            }
        }

        return found;
    }

    private static T[] Unique<T>(T[] sorted, Func<T, T, bool> same)
    {
        var count = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            count += i == 0 || !same(sorted[i - 1], sorted[i]) ? 1 : 0;
        }

        var unique = new T[count];
        var next = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || !same(sorted[i - 1], sorted[i]))
            {
                unique[next++] = sorted[i];
            }
        }

        return unique;
    }
}
