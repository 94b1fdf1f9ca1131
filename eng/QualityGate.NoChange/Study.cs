using QualityGate.Configuration;
using QualityGate.Gate;

namespace QualityGate.NoChange;

/// <summary>What one run of the loop decided, and which limits or checks failed it.</summary>
public sealed record RunOutcome(int Run, Verdict Verdict, IReadOnlyList<string> Failed);

/// <summary>A share of runs that failed, with the checks that failed most.</summary>
public sealed record StudyResult(string Name, IReadOnlyList<RunOutcome> Runs)
{
    public int Failures => Runs.Count(r => r.Verdict == Verdict.Failed);

    public double Rate => Runs.Count == 0 ? 0 : (double)Failures / Runs.Count;

    public override string ToString()
    {
        var causes = Runs.SelectMany(r => r.Failed).GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        return $"{Name}: {Failures} of {Runs.Count} runs failed ({Rate:P0}){(Failures > 0 ? $"; failing: {string.Join(", ", causes)}" : string.Empty)}";
    }
}

/// <summary>Runs the README's loop on many synthetic worlds: each gets a fresh held-out set, init, mine, bless, then one candidate.</summary>
public static class SyntheticStudy
{
    /// <param name="fprPoints">0 for a same-quality retrain; 0.02 for a candidate whose false-positive rate is two points higher.</param>
    public static StudyResult Run(string name, int runs, int heldoutRows, int feedbackRows, double fprPoints, int firstSeed = 1)
    {
        var outcomes = new List<RunOutcome>();
        for (var run = 0; run < runs; run++)
        {
            var directory = Directory.CreateTempSubdirectory("qgate-nochange-").FullName;
            try
            {
                var world = new SyntheticWorld(firstSeed + run, heldoutRows, feedbackRows);
                var (heldout, feedback) = world.Write(directory, model: 0);
                var loop = new ReadmeLoop(directory);
                loop.Init(null, heldout, "Label", feedback);
                loop.Mine();
                var suite = Path.Combine(directory, "quality", "hard-negatives.csv");
                loop.Bless(suiteScores: world.WriteSuiteScores(directory, suite, model: 0));
                var threshold = ConfigLoader.Load(loop.ConfigPath).Threshold.Value ?? 0.5;
                var shift = fprPoints == 0 ? 0 : world.ShiftFor(fprPoints, threshold, model: 1);
                var (candidate, _) = world.Write(directory, model: 1, shift);
                var suiteScores = world.WriteSuiteScores(directory, suite, model: 1, shift);
                var result = loop.Check(heldout: candidate, suiteScores: suiteScores);
                outcomes.Add(Outcome(run, result));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return new StudyResult(name, outcomes);
    }

    public static RunOutcome Outcome(int run, GateResult result) => new(
        run,
        result.Verdict,
        [.. result.Limits.Where(l => l.Verdict == Verdict.Failed).Select(l => $"{l.Limit.DataSet}.{l.Limit.Metric}")
            .Concat(result.Regression.Where(r => r.Verdict == Verdict.Failed).Select(r => r.Limit.Key))]);
}
