using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace QualityGate.NoChange;

/// <summary>
/// The README's loop on real data: the blessed model is the sample's FastTree trained on the
/// sample's training data; each candidate is the same trainer retrained on a bootstrap resample
/// of it (no real change). Also a real regression: a retrained candidate whose scores are
/// shifted until its false-positive rate is two points higher, gated as precomputed scores.
/// </summary>
public static class SpambaseStudy
{
    private const int Features = 57;

    public static IEnumerable<string> Run(string sampleDirectory, int runs)
    {
        var directory = Directory.CreateTempSubdirectory("qgate-spambase-").FullName;
        try
        {
            foreach (var line in Study(Path.GetFullPath(sampleDirectory), directory, runs))
            {
                yield return line;
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<string> Study(string sample, string directory, int runs)
    {
        var context = new MLContext(seed: 1);
        var trainLines = File.ReadAllLines(Path.Combine(sample, "data", "train.csv"));
        var heldout = Path.Combine(directory, "heldout.csv");
        var feedback = Path.Combine(directory, "feedback.csv");
        File.Copy(Path.Combine(sample, "data", "heldout.csv"), heldout);
        File.Copy(Path.Combine(sample, "data", "feedback.csv"), feedback);

        var blessedModel = Path.Combine(directory, "blessed.zip");
        Train(context, trainLines, resampleSeed: null, blessedModel);
        var loop = new ReadmeLoop(Path.Combine(directory, "mlnet"));
        Directory.CreateDirectory(Path.Combine(directory, "mlnet"));
        loop.Init(blessedModel, heldout, "Label", feedback);
        loop.Mine();
        loop.Bless();
        var blessedScores = Score(context, blessedModel, heldout);

        var noChange = new List<RunOutcome>();
        var churn = new List<double>();
        var flips = new List<double>();
        var candidates = new List<string>();
        for (var run = 0; run < runs; run++)
        {
            var candidate = Path.Combine(directory, $"candidate-{run}.zip");
            Train(context, trainLines, resampleSeed: run + 1, candidate);
            candidates.Add(candidate);
            noChange.Add(SyntheticStudy.Outcome(run, loop.Check(model: candidate)));
            var scores = Score(context, candidate, heldout);
            churn.Add(StandardDeviation(blessedScores.Zip(scores, (a, b) => Logit(b) - Logit(a))));
            flips.Add(blessedScores.Zip(scores, (a, b) => a >= 0.5 != b >= 0.5 ? 1.0 : 0.0).Average());
        }

        yield return new StudyResult($"Spambase, same-quality FastTree retrains ({File.ReadAllLines(heldout).Length - 1} held-out rows)", noChange).ToString();
        yield return string.Create(CultureInfo.InvariantCulture, $"retrain churn: per-example sd of the logit change {churn.Average():0.###} (min {churn.Min():0.###}, max {churn.Max():0.###}); decisions flipped at 0.5: {flips.Average():P2} of held-out rows");

        // A real regression, as precomputed scores: the blessed model's scores are the baseline.
        var scored = Path.Combine(directory, "scores");
        Directory.CreateDirectory(scored);
        var blessedCopy = WriteScored(heldout, blessedScores, Path.Combine(scored, "heldout-blessed.csv"));
        var feedbackCopy = WriteScored(feedback, Score(context, blessedModel, feedback), Path.Combine(scored, "feedback-blessed.csv"));
        var scoresLoop = new ReadmeLoop(scored);
        scoresLoop.Init(null, blessedCopy, "Label", feedbackCopy);
        scoresLoop.Mine();
        var suite = Path.Combine(scored, "quality", "hard-negatives.csv");
        scoresLoop.Bless(suiteScores: WriteSuiteScores(suite, Score(context, blessedModel, suite), Path.Combine(scored, "suite-scores-blessed.csv")));
        var labels = File.ReadLines(heldout).Skip(1).Select(l => l[0] == '1').ToArray();
        var regression = new List<RunOutcome>();
        var sameAsScores = new List<RunOutcome>();
        for (var run = 0; run < candidates.Count; run++)
        {
            var scores = Score(context, candidates[run], heldout);
            var suiteScores = Score(context, candidates[run], suite);
            sameAsScores.Add(SyntheticStudy.Outcome(run, scoresLoop.Check(heldout: WriteScored(heldout, scores, Path.Combine(scored, "candidate.csv")), suiteScores: WriteSuiteScores(suite, suiteScores, Path.Combine(scored, "suite-scores.csv")))));
            var shift = ShiftForFpr(blessedScores, scores, labels, 0.02);
            regression.Add(SyntheticStudy.Outcome(run, scoresLoop.Check(
                heldout: WriteScored(heldout, [.. scores.Select(s => Shifted(s, shift))], Path.Combine(scored, "candidate.csv")),
                suiteScores: WriteSuiteScores(suite, [.. suiteScores.Select(s => Shifted(s, shift))], Path.Combine(scored, "suite-scores.csv")))));
        }

        yield return new StudyResult("Spambase, the same retrains as precomputed scores", sameAsScores).ToString();
        yield return new StudyResult($"Spambase, retrains with +2 points of FPR ({labels.Count(l => !l)} negatives)", regression).ToString();
    }

    private static void Train(MLContext context, string[] lines, int? resampleSeed, string path)
    {
        var rows = lines.Skip(1).ToArray();
        if (resampleSeed is { } seed)
        {
            var random = new Random(seed);
            rows = [.. Enumerable.Range(0, rows.Length).Select(_ => rows[random.Next(rows.Length)])];
        }

        var file = Path.ChangeExtension(path, ".csv");
        File.WriteAllLines(file, [lines[0], .. rows]);
        var data = Loader(context).Load(file);
        var trainer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 20,
            MinimumExampleCountPerLeaf = 10,
            NumberOfThreads = 1,
            Seed = resampleSeed ?? 1,
        });
        context.Model.Save(trainer.Fit(data), data.Schema, path);
    }

    private static TextLoader Loader(MLContext context) => context.Data.CreateTextLoader(
        [new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, Features)],
        separatorChar: ',', hasHeader: true);

    /// <summary>The model's probabilities for a file whose first 58 columns are the label and the features.</summary>
    private static double[] Score(MLContext context, string model, string file)
    {
        var transformer = context.Model.Load(model, out _);
        var view = transformer.Transform(Loader(context).Load(file));
        return [.. view.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private static string WriteScored(string source, double[] scores, string path)
    {
        var lines = File.ReadAllLines(source);
        var text = new StringBuilder(lines[0]).Append(",Probability\n");
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(lines[i]).Append(',').Append(scores[i - 1].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string WriteSuiteScores(string suite, double[] scores, string path)
    {
        var lines = File.ReadAllLines(suite);
        var id = Array.IndexOf(lines[0].Split(','), "qg_id");
        var text = new StringBuilder("qg_id,Probability\n");
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(lines[i].Split(',')[id]).Append(',').Append(scores[i - 1].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>The logit shift that puts the candidate's false-positive rate at 0.5 two points over the blessed model's.</summary>
    private static double ShiftForFpr(double[] blessed, double[] candidate, bool[] positive, double points)
    {
        double Fpr(IEnumerable<double> scores) => scores.Where((_, i) => !positive[i]).Average(s => s >= 0.5 ? 1.0 : 0.0);
        var target = Fpr(blessed) + points;
        double low = -5, high = 5;
        for (var i = 0; i < 50; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = Fpr(candidate.Select(s => Shifted(s, mid))) < target ? (mid, high) : (low, mid);
        }

        return high;
    }

    private static double Shifted(double probability, double shift) => 1 / (1 + Math.Exp(-(Logit(probability) + shift)));

    private static double Logit(double p)
    {
        var clipped = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(clipped / (1 - clipped));
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }
}
