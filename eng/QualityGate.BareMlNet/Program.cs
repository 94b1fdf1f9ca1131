using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

// Usage: QualityGate.BareMlNet MODEL DATA FEATURES
// What a team would write without the gate: load the model, score the file with a TextLoader,
// and call BinaryClassification.Evaluate. The benchmark compares qgate check with this.
var context = new MLContext(seed: 0);
var model = context.Model.Load(args[0], out _);
var features = int.Parse(args[2], CultureInfo.InvariantCulture);
var loader = context.Data.CreateTextLoader(
    [new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, features)],
    separatorChar: ',', hasHeader: true);
var metrics = context.BinaryClassification.Evaluate(model.Transform(loader.Load(args[1])));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"auc {metrics.AreaUnderRocCurve:0.####} accuracy {metrics.Accuracy:0.####}"));
