using System.Text;
using CsCheck;
using QualityGate.Identity;

namespace QualityGate.Tests.Identity;

/// <summary>
/// The baseline's and the comparisons' id multisets: kept as 128-bit values when every id is a
/// hash, and counted exactly as the lists of strings they replace would count them.
/// </summary>
public sealed class ExampleIdsTests
{
    private static string Hash(string text)
    {
        var identity = new ExampleIdentity();
        identity.AddText(text);
        return identity.Finish();
    }

    /// <summary>A few distinct ids drawn with repeats (duplicate rows), as hashes or, sometimes, an id column's text.</summary>
    private static readonly Gen<string[]> HashIds = Gen.Int[0, 12].Select(i => Hash($"{i}")).Array[0, 40];

    private static readonly Gen<string[]> AnyIds = Gen.OneOf(HashIds, Gen.Int[0, 12].Select(i => i % 3 == 0 ? $"user-{i}" : Hash($"{i}")).Array[0, 40]);

    /// <summary>The multiset intersection of two string lists, counted the naive way.</summary>
    private static List<string> Common(IEnumerable<string> a, IEnumerable<string> b)
    {
        var left = b.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var common = new List<string>();
        foreach (var id in a)
        {
            if (left.GetValueOrDefault(id) > 0)
            {
                left[id]--;
                common.Add(id);
            }
        }

        return [.. common.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Hash_ids_are_kept_as_values_and_read_back_as_the_same_text_in_ordinal_order()
    {
        string[] ids = [Hash("b"), Hash("a"), Hash("c"), Hash("a")];
        var kept = ExampleIds.Of(ids);
        Assert.True(kept.IsCompact);
        Assert.Equal(ids.Order(StringComparer.Ordinal), kept);
    }

    [Fact]
    public void An_id_column_text_or_an_uppercase_hash_is_kept_as_text_and_matches_no_hash()
    {
        var hash = Hash("a");
        var text = ExampleIds.Of(["order-17", hash]);
        Assert.False(text.IsCompact);
        Assert.Equal([hash, "order-17"], text);

        var upper = ExampleIds.Of([hash.ToUpperInvariant()]);
        Assert.False(upper.IsCompact);
        Assert.Empty(upper.Intersect(ExampleIds.Of([hash])));
    }

    [Fact]
    public void Only_32_lowercase_hex_digits_parse_as_a_hash()
    {
        Assert.True(ExampleIds.TryParseHash(Encoding.ASCII.GetBytes(Hash("x")), out _));
        Assert.False(ExampleIds.TryParseHash(Encoding.ASCII.GetBytes(Hash("x")[1..]), out _));
        Assert.False(ExampleIds.TryParseHash(Encoding.ASCII.GetBytes(Hash("x")[1..] + "g"), out _));
        Assert.False(ExampleIds.TryParseHash(Encoding.ASCII.GetBytes(Hash("x") + "0"), out _));
    }

    [Fact]
    public void Concat_intersect_union_and_distinct_count_as_lists_of_strings_do_in_either_form()
    {
        Gen.Select(AnyIds, AnyIds).Sample((a, b) =>
        {
            var (x, y) = (ExampleIds.Of(a), ExampleIds.Of(b));
            Assert.Equal(a.Concat(b).Order(StringComparer.Ordinal), x.Concat(y));
            Assert.Equal(a.Union(b).Order(StringComparer.Ordinal), x.Union(y));
            Assert.Equal(x.Union(y).IsCompact, x.IsCompact && y.IsCompact);
            Assert.Equal(Common(a, b), x.Intersect(y));
            Assert.Equal(a.Distinct().Order(StringComparer.Ordinal), x.Distinct());
            Assert.Equal(x.Intersect(y).Count, y.Intersect(x).Count);
        });
    }

    [Fact]
    public void A_collection_expression_builds_the_same_multiset()
    {
        var (a, b) = (Hash("1"), Hash("2"));
        ExampleIds ids = [b, a, b];
        Assert.Equal(ExampleIds.Of([a, b, b]), ids);
        Assert.True(ids.IsCompact);
    }
}
