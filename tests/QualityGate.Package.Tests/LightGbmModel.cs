using Microsoft.ML;
using Microsoft.ML.Data;

namespace QualityGate.Package.Tests;

/// <summary>
/// A LightGbm model, the trainer Model Builder and AutoML pick most for tabular data, trained on
/// the sample's training split and saved with its input schema: the one 57-float
/// <c>Features</c> vector the sample's config maps from the columns.
/// </summary>
internal static class LightGbmModel
{
    public static void Train(string trainCsv, string modelPath)
    {
        var context = new MLContext(seed: 1);
        var loader = context.Data.CreateTextLoader(
            [new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, 57)],
            separatorChar: ',',
            hasHeader: true);
        var train = loader.Load(trainCsv);
        var model = context.BinaryClassification.Trainers.LightGbm(numberOfIterations: 50).Fit(train);
        context.Model.Save(model, train.Schema, modelPath);
    }
}
