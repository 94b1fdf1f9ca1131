using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Explain;

/// <summary>
/// Generated data with a known cause of hard negatives, and a real ML.NET model trained on it.
/// Positives differ from negatives in four signal features (s0..s3) and in <c>planted</c>; a
/// share of the negatives also has the positives' <c>planted</c> values, and nothing else of
/// theirs, so that feature alone makes them look positive. <c>far</c> is non-zero only for a tenth
/// of the positives, whose signal looks negative: a large <c>far</c> is all that marks them, so the
/// model weighs it heavily and scores them near 1, never near the threshold.
/// Four noise features (n0..n3) carry nothing.
/// </summary>
internal sealed class PlantedCause : IDisposable
{
    public static readonly string[] Columns = ["s0", "s1", "s2", "s3", "planted", "n0", "n1", "n2", "n3", "far"];

    private readonly TemporaryDirectory _directory = new();

    public PlantedCause(int seed, int heldoutRows = 4000)
    {
        var train = Write("train.csv", 8000, new Random(seed));
        Write("heldout.csv", heldoutRows, new Random(seed + 7919));
        var context = new MLContext(seed: seed);
        var loader = context.Data.CreateTextLoader(
            [new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, Columns.Length)],
            separatorChar: ',', hasHeader: true);
        var data = loader.Load(train);
        var model = context.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);
        context.Model.Save(model, data.Schema, _directory.File("model.zip"));
        context.Model.Save(model, loader, _directory.File("model-with-loader.zip"));

        // The same model's scores, appended to the held-out rows, for 'kind: scores'.
        var scored = model.Transform(loader.Load(_directory.File("heldout.csv")));
        var probabilities = scored.GetColumn<float>("Probability").ToList();
        var lines = File.ReadAllLines(_directory.File("heldout.csv"));
        File.WriteAllLines(_directory.File("heldout-scored.csv"), lines.Select((line, i) =>
            i == 0 ? line + ",Probability" : line + "," + probabilities[i - 1].ToString("R", CultureInfo.InvariantCulture)));
    }

    public string Directory => _directory.Path;

    /// <summary>A config over the generated data; <paramref name="regionWidth"/> sets the band around 0.5.</summary>
    public string Config(double regionWidth = 0.1, string extra = "", Func<string, string>? edit = null) => _directory.Write("qualitygate.yml", (edit ?? (text => text))($"""
        version: 1
        model:
          path: model.zip
          inputs: {"{"} Features: s0..far {"}"}
        label: Label
        data: {"{"} heldout: heldout.csv {"}"}
        threshold: 0.5
        region: {"{"} width: {regionWidth.ToString(CultureInfo.InvariantCulture)} {"}"}
        mining: {"{"} margin: 0.1 {"}"}
        reports: {"{"} directory: reports {"}"}
        {extra}
        """));

    public void Dispose() => _directory.Dispose();

    private string Write(string name, int rows, Random random)
    {
        var text = new StringBuilder("Label,").AppendJoin(',', Columns).Append('\n');
        for (var row = 0; row < rows; row++)
        {
            var positive = random.NextDouble() < 0.4;
            var planted = !positive && random.NextDouble() < 0.12;
            var marked = positive && random.NextDouble() < 0.1;
            var signal = Enumerable.Range(0, 4).Select(_ => Gaussian(random) + (positive && !marked ? 1.0 : 0)).ToArray();
            var cause = Gaussian(random) + (positive || planted ? 3 : 0);
            var noise = Enumerable.Range(0, 4).Select(_ => Gaussian(random)).ToArray();
            var far = marked ? 4 + (0.5 * Gaussian(random)) : 0;
            text.Append(positive ? '1' : '0');
            foreach (var value in signal.Append(cause).Concat(noise).Append(far))
            {
                text.Append(',').Append(value.ToString("0.####", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return _directory.Write(name, text.ToString());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
