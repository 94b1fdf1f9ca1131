using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

// Regenerates samples/spam: a deterministic 65/25/10 split of Spambase into data/train.csv,
// data/heldout.csv and data/feedback.csv (mail users reported, standing in for field feedback),
// the spam filter model/spam.zip and the same model as ONNX, model/spam.onnx, and model/spam-weak.zip, the same trainer with the most useful
// features blanked out during training (a clearly weaker model).
var sampleDirectory = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "../../../../..", "samples", "spam");
sampleDirectory = Path.GetFullPath(sampleDirectory);
var lines = File.ReadAllLines(Path.Combine(sampleDirectory, "data", "spambase.csv"));
var header = lines[0];
var featureNames = header.Split(',')[1..];

// A seeded shuffle, so the split is the same on every machine.
var rows = lines[1..];
var random = new Random(20240601);
random.Shuffle(rows);
var heldoutCount = (int)(rows.Length * 0.25);
var feedbackCount = (int)(rows.Length * 0.10);
var heldout = rows[..heldoutCount];
var feedback = rows[heldoutCount..(heldoutCount + feedbackCount)];
var train = rows[(heldoutCount + feedbackCount)..];
File.WriteAllLines(Path.Combine(sampleDirectory, "data", "heldout.csv"), [header, .. heldout]);
File.WriteAllLines(Path.Combine(sampleDirectory, "data", "feedback.csv"), [header, .. feedback]);
File.WriteAllLines(Path.Combine(sampleDirectory, "data", "train.csv"), [header, .. train]);

var context = new MLContext(seed: 1);
var trainRows = train.Select(Parse).ToList();
Save(context, trainRows, Path.Combine(sampleDirectory, "model", "spam.zip"));

// The same model as ONNX, as a team that ships ONNX would have it: input Features, output Probability.
var spam = context.Model.Load(Path.Combine(sampleDirectory, "model", "spam.zip"), out _);
using (var onnx = File.Create(Path.Combine(sampleDirectory, "model", "spam.onnx")))
{
    context.Model.ConvertToOnnx(spam, context.Data.LoadFromEnumerable(trainRows.Select(r => new EmailFeatures { Features = r.Features })), onnx);
}

// The weak model never sees the features that separate spam best.
string[] strongest = ["charDollar", "charExclamation", "remove", "free", "your", "num000", "money", "hp", "capitalAve", "capitalLong", "capitalTotal", "george", "edu", "our"];
var blanked = strongest.Select(name => Array.IndexOf(featureNames, name)).ToArray();
var weakRows = trainRows.Select(r => new Email { Label = r.Label, Features = [.. r.Features.Select((v, i) => blanked.Contains(i) ? 0f : v)] }).ToList();
Save(context, weakRows, Path.Combine(sampleDirectory, "model", "spam-weak.zip"));
Console.WriteLine($"Wrote {train.Length} training, {heldout.Length} held-out and {feedback.Length} feedback rows and two models under {sampleDirectory}.");

static void Save(MLContext context, List<Email> rows, string path)
{
    var data = context.Data.LoadFromEnumerable(rows);
    var trainer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
    {
        NumberOfTrees = 100,
        NumberOfLeaves = 20,
        MinimumExampleCountPerLeaf = 10,
        NumberOfThreads = 1,
        Seed = 1,
    });
    var model = trainer.Fit(data);
    context.Model.Save(model, data.Schema, path);
}

static Email Parse(string line)
{
    var fields = line.Split(',');
    return new Email
    {
        Label = fields[0] == "1",
        Features = [.. fields[1..].Select(f => float.Parse(f, CultureInfo.InvariantCulture))],
    };
}

internal sealed class EmailFeatures
{
    [VectorType(57)]
    public float[] Features { get; set; } = [];
}

internal sealed class Email
{
    public bool Label { get; set; }

    [VectorType(57)]
    public float[] Features { get; set; } = [];
}
