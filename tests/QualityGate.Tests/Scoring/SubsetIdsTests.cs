using QualityGate.Identity;
using QualityGate.Scoring;
using QualityGate.Scoring.FastPath;

namespace QualityGate.Tests.Scoring;

/// <summary>A slice of a scored set reads its ids through the whole set's, renumbered, with no id copied.</summary>
public sealed class SubsetIdsTests
{
    [Fact]
    public void A_subset_has_the_ids_of_its_rows_in_its_own_numbering()
    {
        // Row 4 has no id (the pass was not asked for it).
        var whole = Set(Enumerable.Range(0, 10).Where(row => row != 4).ToDictionary(row => row, row => $"mail-{row}"));
        var slice = whole.Subset([9, 4, 2]);

        Assert.Equal(2, slice.Ids.Count);
        Assert.Equal([0, 2], slice.Ids.Keys);
        Assert.Equal("mail-9", slice.Ids[0]);
        Assert.False(slice.Ids.ContainsKey(1));
        Assert.False(slice.Ids.TryGetValue(3, out _));
        Assert.Equal(["mail-2", "mail-9"], slice.IdsOf([2, 0]).Order(StringComparer.Ordinal));
        Assert.Equal([0.9, 0.4, 0.2], Enumerable.Range(0, slice.Count).Select(row => slice.Scores[row]));
    }

    [Fact]
    public void A_subset_of_a_fast_pass_gives_the_128_bit_ids_it_kept()
    {
        UInt128[] hashes = [.. Enumerable.Range(0, 10).Select(row => (UInt128)(ulong)(row * 7919 + 1))];
        var whole = Set(new RowIds(hashes, null, null, null, 10));
        var slice = whole.Subset([3, 8]);

        Assert.Equal(whole.IdsOf([3, 8]).Order(StringComparer.Ordinal), slice.IdsOf([0, 1]).Order(StringComparer.Ordinal));
        Assert.Equal(ExampleIdentity.Format(hashes[8]), slice.Ids[1]);
    }

    private static ScoredSet Set(IReadOnlyDictionary<int, string> ids) =>
        new("heldout", new QualityGate.Data.DataFile("h.csv", "h.csv", ',', ["Label"]), [.. Enumerable.Range(0, 10).Select(row => row / 10.0)], [.. Enumerable.Range(0, 10).Select(row => row % 2 == 0)], ids);
}
