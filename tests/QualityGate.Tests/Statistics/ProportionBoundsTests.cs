using QualityGate.Statistics;

namespace QualityGate.Tests.Statistics;

public sealed class ProportionBoundsTests
{
    public static TheoryData<int> Cases => [.. Enumerable.Range(0, ReferenceValues.Proportions.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wilson_bounds_match_statsmodels(int index)
    {
        var c = ReferenceValues.Proportions[index];
        var bounds = ProportionBounds.Wilson(c.K, c.N, c.Confidence);
        Assert.Equal(c.WilsonLower, bounds.Lower, 1e-12);
        Assert.Equal(Math.Min(1, c.WilsonUpper), bounds.Upper, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clopper_Pearson_bounds_match_statsmodels(int index)
    {
        var c = ReferenceValues.Proportions[index];
        var bounds = ProportionBounds.ClopperPearson(c.K, c.N, c.Confidence);
        Assert.Equal(c.ExactLower, bounds.Lower, 1e-9);
        Assert.Equal(c.ExactUpper, bounds.Upper, 1e-9);
    }

    [Fact]
    public void No_examples_bound_nothing() =>
        Assert.Equal(new Bounds(0, 1), ProportionBounds.Wilson(0, 0, 0.95));
}
