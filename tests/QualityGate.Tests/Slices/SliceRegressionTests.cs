using System.Globalization;
using System.Text;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Slices;
using QualityGate.Tests.Onnx;
using QualityGate.Tests.Support;
using Xunit.Abstractions;

namespace QualityGate.Tests.Slices;

/// <summary>
/// Per-slice checks against the baseline. The two "models" are ONNX graphs that return a column
/// of the data as their score (<c>a</c> for the blessed one, <c>b</c> for the candidate), so each
/// test controls exactly which examples the candidate gets wrong.
/// </summary>
public sealed class SliceRegressionTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Holm_across_slices_keeps_one_noisy_slice_from_failing_the_build()
    {
        // Ten providers of 300; in p0 the candidate newly flags a few negatives, nothing else changes.
        Write(flipped: 6);

        // Compared on its own (p0 against everything else), the slice looks like a regression...
        var alone = Check("[{ column: provider, groups: { p0: [p0] } }]");
        var p0Alone = Assert.Single(alone.Regression, r => r.Limit.DataSet == "heldout[provider=p0]");
        output.WriteLine($"alone: {p0Alone.Verdict}, Holm p {p0Alone.HolmPValue}; {p0Alone.Message}");
        Assert.Equal(Verdict.Failed, p0Alone.Verdict);

        // ...but it is one of ten slices, and Holm's correction across them calls it noise.
        var all = Check("[provider]");
        var p0 = Assert.Single(all.Regression, r => r.Limit.DataSet == "heldout[provider=p0]");
        output.WriteLine($"ten slices: {p0.Verdict}, Holm p {p0.HolmPValue}; {p0.Message}");
        Assert.Equal(10, all.Regression.Count);
        Assert.Equal(Verdict.Passed, p0.Verdict);
        Assert.Contains("over 10 checks", p0.Message, StringComparison.Ordinal);
        Assert.True(p0.HolmPValue > 0.05);
    }

    [Fact]
    public void A_real_regression_in_one_slice_still_fails_among_ten()
    {
        Write(flipped: 40);
        var all = Check("[provider]");
        Assert.Equal(Verdict.Failed, Assert.Single(all.Regression, r => r.Limit.DataSet == "heldout[provider=p0]").Verdict);
        Assert.All(all.Regression.Where(r => r.Limit.DataSet != "heldout[provider=p0]"), r => Assert.Equal(Verdict.Passed, r.Verdict));
    }

    /// <summary>Writes held-out rows with columns a (blessed score) and b (candidate score), and both models.</summary>
    private void Write(int flipped)
    {
        var random = new Random(4);
        var text = new StringBuilder("id,Label,provider,a,b\n");
        for (var p = 0; p < 10; p++)
        {
            var flips = 0;
            for (var i = 0; i < 300; i++)
            {
                var positive = random.NextDouble() < 0.3;
                var a = positive ? 0.5 + (0.5 * random.NextDouble()) : 0.45 * random.NextDouble();
                var b = a;
                if (p == 0 && !positive && flips < flipped)
                {
                    b = 0.6;
                    flips++;
                }

                text.Append(CultureInfo.InvariantCulture, $"r{p}-{i},{(positive ? 1 : 0)},p{p},{a:0.####},{b:0.####}\n");
            }
        }

        _directory.Write("heldout.csv", text.ToString());
        File.WriteAllBytes(_directory.File("blessed.onnx"), TinyOnnx.ScoreFrom("a"));
        File.WriteAllBytes(_directory.File("candidate.onnx"), TinyOnnx.ScoreFrom("b"));
    }

    /// <summary>Blesses the a-model with these slice columns, then checks the b-model against it.</summary>
    private GateResult Check(string columns)
    {
        string Config(string model) => $"""
            version: 1
            model: {"{"} path: {model} {"}"}
            label: Label
            id: id
            data: {"{"} heldout: heldout.csv {"}"}
            threshold: 0.5
            region: {"{"} width: 0.1 {"}"}
            slices:
              columns: {columns}
              min_size: 100
              regression:
                heldout.fpr: {"{"} max_increase: 0 {"}"}
            regression:
              baseline: baseline.json

            """;
        var blessed = QualityGate.Verbs.Bless.Evaluate(ConfigLoader.Parse(Config("blessed.onnx"), _directory.Write("blessed.yml", Config("blessed.onnx"))));
        File.WriteAllBytes(_directory.File("baseline.json"), BaselineJson.Serialize(BaselineBuilder.Build(blessed)));
        return QualityGate.Verbs.Check.Run(ConfigLoader.Parse(Config("candidate.onnx"), _directory.Write("candidate.yml", Config("candidate.onnx"))));
    }
}
