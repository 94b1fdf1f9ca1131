using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace QualityGate.NoChange;

/// <summary>
/// A population of examples and models of it, as precomputed scores. Each example has four
/// features; its label is drawn from a true logit. Every model of the family shares a systematic
/// error (a fixed function of the features); each retrain adds its own noise to each example's
/// logit, the churn that flips close calls both ways when nothing really changed. A regression
/// adds a logit shift that raises the false-positive rate by a chosen amount.
/// </summary>
public sealed class SyntheticWorld(int seed, int heldoutRows, int feedbackRows, double churn = SyntheticWorld.RetrainChurn)
{
    /// <summary>
    /// The spread of a retrain's own logit noise. Two retrains then disagree on about 7% of
    /// held-out decisions at 0.5: more churn than FastTree retrains on bootstrap resamples of the
    /// Spambase sample show (2.6% of rows, measured by the spambase mode of this program), so the
    /// false-failure rate measured here errs on the high side.
    /// </summary>
    public const double RetrainChurn = 0.35;

    private readonly List<double[]> _heldout = Draw(seed, heldoutRows, 0);
    private readonly List<double[]> _feedback = Draw(seed, feedbackRows, 1);

    public const string Header = "x1,x2,x3,x4,Label,Probability";

    /// <summary>Writes the held-out and feedback sets as scored by model <paramref name="model"/>; returns their paths.</summary>
    public (string Heldout, string Feedback) Write(string directory, int model, double shift = 0)
    {
        var heldout = Path.Combine(directory, $"heldout-{model}.csv");
        var feedback = Path.Combine(directory, $"feedback-{model}.csv");
        File.WriteAllText(heldout, Render(_heldout, model, shift));
        File.WriteAllText(feedback, Render(_feedback, model, shift));
        return (heldout, feedback);
    }

    /// <summary>
    /// The logit shift that raises the false-positive rate at <paramref name="threshold"/> by
    /// <paramref name="points"/> (0.02 for two points) over model 0 on the held-out set.
    /// </summary>
    public double ShiftFor(double points, double threshold, int model)
    {
        double Fpr(double shift, int m)
        {
            var negatives = _heldout.Where(r => r[4] == 0).ToList();
            return negatives.Count(r => Score(r, m, shift) >= threshold) / (double)negatives.Count;
        }

        var target = Fpr(0, 0) + points;
        double low = 0, high = 5;
        for (var i = 0; i < 50; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = Fpr(mid, model) < target ? (mid, high) : (low, mid);
        }

        return high;
    }

    /// <summary>The share of held-out decisions at <paramref name="threshold"/> that two retrains disagree on: the churn, as a rate.</summary>
    public double FlipShare(double threshold) =>
        _heldout.Average(r => Score(r, 0, 0) >= threshold != Score(r, 1, 0) >= threshold ? 1.0 : 0.0);

    /// <summary>The candidate's scores of the suite's items, by id, read from the suite the loop mined.</summary>
    public string WriteSuiteScores(string directory, string suitePath, int model, double shift = 0, ISet<string>? wrongOnPurpose = null)
    {
        var lines = File.ReadAllLines(suitePath);
        var header = lines[0].Split(',');
        var id = Array.IndexOf(header, "qg_id");
        var text = new StringBuilder("qg_id,Probability\n");
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            var row = new[] { Number(fields[0]), Number(fields[1]), Number(fields[2]), Number(fields[3]), Number(fields[4]) };
            var score = wrongOnPurpose?.Contains(fields[id]) == true ? (row[4] == 0 ? 0.999 : 0.001) : Score(row, model, shift);
            text.Append(CultureInfo.InvariantCulture, $"{fields[id]},{score:R}\n");
        }

        var path = Path.Combine(directory, $"suite-scores-{model}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private string Render(List<double[]> rows, int model, double shift)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r[0]:0.####},{r[1]:0.####},{r[2]:0.####},{r[3]:0.####},{r[4]:0},{Score(r, model, shift):R}\n");
        }

        return text.ToString();
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static double TrueLogit(double[] r) => -1.0 + (1.5 * r[0]) + r[1] - (0.8 * r[2]) + (0.5 * r[3]);

    /// <summary>Model <paramref name="model"/>'s probability for an example: the family's shared error plus this retrain's own noise.</summary>
    private double Score(double[] r, int model, double shift)
    {
        var shared = 0.6 * Math.Sin((7 * r[0]) + (3 * r[3]));
        var own = churn * Gaussian(new Random(Key(r, model)));
        return 1 / (1 + Math.Exp(-(TrueLogit(r) + shared + own + shift)));
    }

    /// <summary>A seed from the example's features (as written) and the model, so every file gives an example the same score.</summary>
    private int Key(double[] r, int model) =>
        (int)XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}|{model}|{r[0]:0.####}|{r[1]:0.####}|{r[2]:0.####}|{r[3]:0.####}")));

    private static List<double[]> Draw(int seed, int count, int stream)
    {
        var random = new Random(unchecked((seed * 1_000_003) + (stream * 7919) + 17));
        var rows = new List<double[]>(count);
        for (var i = 0; i < count; i++)
        {
            // Features are rounded as they are written, so scores computed from a file match.
            var r = new double[5];
            for (var f = 0; f < 4; f++)
            {
                r[f] = Math.Round(Gaussian(random), 4);
            }

            r[4] = random.NextDouble() < 1 / (1 + Math.Exp(-TrueLogit(r))) ? 1 : 0;
            rows.Add(r);
        }

        return rows;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
