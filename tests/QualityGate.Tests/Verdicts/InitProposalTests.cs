using System.Globalization;
using System.Text;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Verdicts;

/// <summary><c>qgate init</c> proposes limits a same-quality model passes, on balanced and imbalanced data.</summary>
public sealed class InitProposalTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Precomputed scores of a model whose probabilities run low: 6% positives, few of them at 0.5 or more.</summary>
    private string Imbalanced(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x,Label,Probability\n");
        for (var i = 0; i < rows; i++)
        {
            var positive = random.NextDouble() < 0.06;
            var logit = (positive ? 1.2 : -2.2) + (1.0 * Gaussian(random)) - 1.5;
            text.Append(CultureInfo.InvariantCulture, $"{i},{(positive ? 1 : 0)},{1 / (1 + Math.Exp(-logit)):R}\n");
        }

        return _directory.Write($"scored-{rows}.csv", text.ToString());
    }

    /// <summary>Runs qgate init on the data; returns the config's path, its text and the run.</summary>
    private (string Config, string Yaml, QgateProcess.Result Run) Init(string data)
    {
        var config = _directory.File("qualitygate.yml");
        var init = QgateProcess.Run(_directory.Path, "init", "--data", data, "--label", "Label", "-o", config);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.All);
        return (config, File.ReadAllText(config), init);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void On_imbalanced_data_init_proposes_a_threshold_that_flags_something()
    {
        var (config, yaml, _) = Init(Imbalanced(3000, 1));

        // At 0.5 almost no positive is flagged: the proposal says so and takes the F1-best threshold instead.
        Assert.Matches(@"# Predicted positive iff score >= threshold: the threshold of highest F1 on the held-out set \([\d.]+\); at 0\.5 recall was only 0\.\d+", yaml);
        var threshold = double.Parse(yaml.Split('\n').Single(l => l.StartsWith("threshold: ", StringComparison.Ordinal))[11..], CultureInfo.InvariantCulture);
        Assert.InRange(threshold, 0.01, 0.45);
        Assert.Contains("recall: { min:", yaml, StringComparison.Ordinal);

        var check = QgateProcess.Run(_directory.Path, "check", "-c", config);
        Assert.True(check.ExitCode == ExitCodes.Passed, check.All);
    }

    [Fact]
    public void On_little_data_init_warns_of_few_events_and_leaves_out_the_region_limits_it_cannot_back()
    {
        var (config, yaml, init) = Init(Imbalanced(400, 2));
        Assert.Matches(@"# Warning: only \d false (positives|negatives) at this threshold; limits on the rates they make rest on very few events", yaml);
        Assert.Matches(@"qgate: warning: only \d false (positives|negatives) at this threshold", init.StandardError);
        Assert.Matches(@"# region\.fpr: left out, ", yaml);
        Assert.DoesNotContain("    region.fpr: {", yaml, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(_directory.Path, "check", "-c", config).ExitCode);
    }
}
