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

/// <summary>The whole program under a French or German locale writes the same bytes as under none.</summary>
public sealed class ProgramCultureTests
{
    [Theory]
    [InlineData("LANG", "fr_FR.UTF-8")]
    [InlineData("LC_ALL", "de_DE.UTF-8")]
    public void Every_report_is_byte_identical_in_any_locale(string variable, string locale)
    {
        using var sample = new Support.SampleCopy();
        var plain = Support.QgateProcess.Run(sample.Root, new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" }, "check", "--report-dir", "plain");
        var local = Support.QgateProcess.Run(sample.Root, new Dictionary<string, string> { [variable] = locale, ["LANG"] = variable == "LANG" ? locale : "C.UTF-8" }, "check", "--report-dir", "local");
        Assert.True(plain.ExitCode == 0 && local.ExitCode == 0, plain.All + local.All);
        foreach (var name in new[] { "qualitygate-result.json", "qualitygate-report.html", "qualitygate-summary.md", "qualitygate-junit.xml" })
        {
            var expected = File.ReadAllText(Path.Combine(sample.Root, "plain", name));
            var actual = File.ReadAllText(Path.Combine(sample.Root, "local", name));
            Assert.True(expected == actual, $"{name} differs under {variable}={locale}");
        }

        // The axis labels are the ones a reader expects: a decimal point.
        Assert.DoesNotMatch(@">0,\d<", File.ReadAllText(Path.Combine(sample.Root, "local", "qualitygate-report.html")));
        Assert.Equal(plain.StandardOutput.Replace("plain/", "local/", StringComparison.Ordinal), local.StandardOutput);
    }
}
