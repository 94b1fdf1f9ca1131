using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

// Usage: QualityGate.DataGenerator OUT_DIR ROWS [FEATURES=50] [HARD_SHARE=0.02] [SEED=1] [TRAIN_ROWS=20000]
// Writes OUT_DIR/heldout.csv, OUT_DIR/model.zip (FastTree, 100 trees of 20 leaves, trained on TRAIN_ROWS
// rows from the same distribution: the kind of model issue 17's targets are set on), OUT_DIR/qualitygate.yml
// and OUT_DIR/qualitygate-mining.yml.
// Positives and negatives differ in the first ten features; a share of the negatives (the hard
// negatives) draws those from the positives' distribution, so the model scores them high.
var outDirectory = Path.GetFullPath(args[0]);
var rows = int.Parse(args[1], CultureInfo.InvariantCulture);
var features = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
var hardShare = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.02;
var seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1;
var trainRows = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 20_000;
Directory.CreateDirectory(outDirectory);

var trainPath = Path.Combine(outDirectory, "train.csv");
Write(trainPath, trainRows, seed + 1000);
Write(Path.Combine(outDirectory, "heldout.csv"), rows, seed);

var context = new MLContext(seed: 1);
var loader = context.Data.CreateTextLoader(
    [new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, features)],
    separatorChar: ',', hasHeader: true);
var train = loader.Load(trainPath);
var model = context.BinaryClassification.Trainers.FastTree(numberOfLeaves: 20, numberOfTrees: 100).Fit(train);
context.Model.Save(model, train.Schema, Path.Combine(outDirectory, "model.zip"));
File.Delete(trainPath);

var config = $"""
    version: 1
    model:
      path: model.zip
      inputs: {"{"} Features: f0..f{features - 1} {"}"}
    label: Label
    data:
      heldout: heldout.csv
    threshold: 0.5
    region: {"{"} width: 0.1 {"}"}
    limits:
      heldout:
        fpr: {"{"} max: 0.5 {"}"}
        region.fpr: {"{"} max: 0.9 {"}"}
        auc: {"{"} min: 0.5 {"}"}
    reports: {"{"} directory: reports {"}"}

    """;
File.WriteAllText(Path.Combine(outDirectory, "qualitygate.yml"), config);
File.WriteAllText(Path.Combine(outDirectory, "qualitygate-mining.yml"), config
    .Replace("  heldout: heldout.csv\n", "  heldout: heldout.csv\n  suite: suite/hard-negatives.csv\n", StringComparison.Ordinal)
    .Replace("reports:", "mining: { margin: 0.1, max_new: 1000, max_size: 1000000 }\nreports:", StringComparison.Ordinal));
Console.WriteLine($"Wrote {rows:N0} rows x {features} features ({hardShare:P0} hard negatives) and a model to {outDirectory}");

void Write(string path, int count, int rowSeed)
{
    var random = new Random(rowSeed);
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    writer.Write("Label");
    for (var f = 0; f < features; f++)
    {
        writer.Write($",f{f}");
    }

    writer.Write('\n');
    Span<char> number = stackalloc char[16];
    for (var r = 0; r < count; r++)
    {
        var positive = random.NextDouble() < 0.4;
        var looksPositive = positive || random.NextDouble() < hardShare;
        writer.Write(positive ? '1' : '0');
        for (var f = 0; f < features; f++)
        {
            var mean = f < 10 && looksPositive ? 1.0 : 0.0;
            var value = mean + Gaussian(random);
            value.TryFormat(number, out var written, "0.###", CultureInfo.InvariantCulture);
            writer.Write(',');
            writer.Write(number[..written]);
        }

        writer.Write('\n');
    }
}

static double Gaussian(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
