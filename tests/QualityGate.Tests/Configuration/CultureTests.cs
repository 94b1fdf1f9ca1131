using System.Globalization;
using QualityGate.Configuration;

namespace QualityGate.Tests.Configuration;

/// <summary>Parsing does not depend on the machine's culture: a German decimal comma never sneaks in.</summary>
public sealed class CultureTests
{
    [Fact]
    public void Numbers_in_the_config_parse_the_same_under_de_DE()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var config = ConfigLoader.Parse("version: 1\nmodel: { path: m.zip }\nlabel: Label\ndata: { heldout: h.csv }\nthreshold: 0.35\nregion: { width: 0.05 }\nlimits:\n  heldout:\n    tpr_at_fpr(0.01): { min: 0.5 }\n", "/q.yml");
            Assert.Equal(0.35, config.Threshold.Value);
            Assert.Equal(0.05, config.Region.Parameter);
            Assert.Equal("tpr_at_fpr(0.01)", config.Limits[0].Metric.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
