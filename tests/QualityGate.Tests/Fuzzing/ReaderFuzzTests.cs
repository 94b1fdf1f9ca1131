using System.Diagnostics;
using CsCheck;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Suite;
using QualityGate.Tests.Support;
using Xunit.Abstractions;

namespace QualityGate.Tests.Fuzzing;

/// <summary>
/// The readers of everything a user hands qgate (config, CSV, suite, baseline) on mutated real
/// inputs: each input either reads or is refused with a QualityGate error; none crashes, none
/// takes more than <see cref="Bound"/>, and none changes a kept file. QUALITYGATE_FUZZ_ITERATIONS
/// sets the count per reader (build/fuzz.sh runs many); the test run tries 1,000.
/// </summary>
[Collection(Verdicts.NoChangeGroup.Name)]
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("QUALITYGATE_FUZZ_ITERATIONS"), out var n) ? n : 1000;

    private const string YamlAlphabet = "{}[]:,-&*!|>'\"\n #?%@`\\0123456789.abcxyz_\t\u001b";
    private const string CsvAlphabet = ",\"\n\r;.-e+0123456789abcNaInf\t \u0000\u00e9";

    /// <summary>Runs one input; anything but success or a QualityGate error, or a slow one, fails the test with the input.</summary>
    private int _read;
    private int _refused;

    private void Survive(string kind, string input, Action run)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            run();
            _read++;
        }
        catch (QualityGateException)
        {
            // Refused with a clear error: what bad input must get.
            _refused++;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{kind} input crashed the reader with {e.GetType().Name}: {e.Message}\n--- input ---\n{input}", e);
        }

        if (clock.Elapsed > Bound)
        {
            throw new TimeoutException($"{kind} input took {clock.Elapsed.TotalSeconds:0.0} s\n--- input ---\n{input}");
        }
    }

    private void Report(string kind, Stopwatch clock)
    {
        output.WriteLine($"{kind}: {_read + _refused} mutated inputs in {clock.Elapsed.TotalSeconds:0.0} s ({_read} read, {_refused} refused with a QualityGate error), none crashed or passed the {Bound.TotalSeconds:0} s bound");

        // The mutations must reach both outcomes, or the test exercises nothing.
        Assert.True(_read > 0 && _refused > 0, $"{kind}: {_read} read, {_refused} refused");
        Assert.Equal(Iterations, _read + _refused);
    }

    [Fact]
    public void The_config_reader()
    {
        var seed = File.ReadAllText(Path.Combine(RepositoryPaths.Sample, "qualitygate.yml"));
        var path = Path.Combine(RepositoryPaths.Sample, "fuzz.yml");
        var clock = Stopwatch.StartNew();
        Mutation.Of(seed, YamlAlphabet).Sample(text => Survive("config", text, () => ConfigLoader.Parse(text, path)), iter: Iterations, threads: 1);
        Report("config", clock);
    }

    [Fact]
    public void The_suite_reader()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Sample, "quality", "hard-negatives.csv"));
        var seed = string.Join('\n', lines.Take(12)) + "\n";
        using var directory = new TemporaryDirectory();
        var labels = new LabelMatcher(new LabelSettings("Label", ["1"], ["0"]));
        var clock = Stopwatch.StartNew();
        Mutation.Of(seed, CsvAlphabet).Sample(text =>
        {
            var file = directory.Write("suite.csv", text);
            Survive("suite", text, () => SuiteFile.Read(file, "suite.csv", ',', "Label", labels));
        }, iter: Iterations, threads: 1);
        Report("suite", clock);
    }

    [Fact]
    public void The_baseline_reader()
    {
        using var sample = new SampleCopy();
        var seed = File.ReadAllText(sample.BaselinePath);
        var config = ConfigLoader.Load(sample.ConfigPath);
        var clock = Stopwatch.StartNew();
        Mutation.Of(seed, "{}[]:,\"0123456789.-eE nulltrue\\abcdef\u0000").Sample(text =>
        {
            File.WriteAllText(sample.BaselinePath, text);
            Survive("baseline", text, () => BaselineStore.Load(config, []));
        }, iter: Iterations, threads: 1);
        Report("baseline", clock);
    }

    [Fact]
    public void The_csv_reader_and_the_scoring_pass_with_kept_files_unchanged()
    {
        using var directory = new TemporaryDirectory();
        var random = new Random(1);
        var rows = Enumerable.Range(0, 40).Select(i => $"{i},{(i % 2 == 0 ? 1 : 0)},{random.NextDouble():0.####}");
        var seed = "x,Label,Probability\n" + string.Join('\n', rows) + "\n";
        var configPath = directory.Write("qualitygate.yml", "version: 1\nmodel: { kind: scores }\nlabel: Label\ndata: { heldout: scored.csv, suite: suite.csv, suite_scores: suite-scores.csv }\nthreshold: 0.5\nregion: { width: 0.1 }\nmin_count: 1\nlimits:\n  heldout:\n    fpr: { max: 0.9 }\n");
        directory.Write("suite.csv", "x,Label,Probability,qg_id,qg_status,qg_score,qg_model,qg_mined,qg_source,qg_reason\n");
        directory.Write("suite-scores.csv", "qg_id,Probability\n");
        var config = ConfigLoader.Load(configPath);
        var kept = Hashes.Of(directory.Path).Where(p => p.Key.StartsWith("suite", StringComparison.Ordinal)).ToList();
        var clock = Stopwatch.StartNew();
        Mutation.Of(seed, CsvAlphabet).Sample(text =>
        {
            directory.Write("scored.csv", text);
            Survive("csv", text, () => QualityGate.Verbs.Check.Run(config));
        }, iter: Iterations, threads: 1);
        Report("csv", clock);
        Assert.Equal(kept, Hashes.Of(directory.Path).Where(p => p.Key.StartsWith("suite", StringComparison.Ordinal)).ToList());
    }
}
