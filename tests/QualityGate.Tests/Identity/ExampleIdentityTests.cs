using QualityGate.Identity;

namespace QualityGate.Tests.Identity;

public sealed class ExampleIdentityTests
{
    private static string Id(params string[] fields)
    {
        var identity = new ExampleIdentity();
        foreach (var field in fields)
        {
            identity.AddText(field);
        }

        return identity.Finish();
    }

    [Fact]
    public void Numbers_written_differently_are_the_same_example()
    {
        Assert.Equal(Id("0.5", "1"), Id("0.50", "1.0"));
        Assert.Equal(Id("0.5", "1"), Id("5e-1", " 1 "));
        Assert.Equal(Id("-0", "x"), Id("0", "x"));
        Assert.Equal(Id("NaN"), Id("nan"));
    }

    [Fact]
    public void Typed_values_and_text_give_the_same_id()
    {
        var typed = new ExampleIdentity();
        typed.AddNumber(0.64f);
        typed.AddNumber(-0.0f);
        typed.AddNumber(float.NaN);
        Assert.Equal(Id("0.64", "0", "NaN"), typed.Finish());
    }

    [Fact]
    public void Different_values_or_order_are_different_examples()
    {
        Assert.NotEqual(Id("1", "2"), Id("2", "1"));
        Assert.NotEqual(Id("1", "2"), Id("1", "2.0001"));
        Assert.NotEqual(Id("ab", "c"), Id("a", "bc"));
        Assert.Matches("^[0-9a-f]{32}$", Id("1"));
    }
}
