using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>Real ML.NET models that are not binary classifiers, trained once: a multiclass and a regression model on Spambase's features.</summary>
public sealed class OddModels : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public OddModels()
    {
        var context = new MLContext(seed: 1);
        var columns = new[]
        {
            new TextLoader.Column("Label", DataKind.Single, 0),
            new TextLoader.Column("Features", DataKind.Single, 1, 57),
        };
        var train = context.Data.CreateTextLoader(columns, separatorChar: ',', hasHeader: true).Load(RepositoryPaths.SpambaseTrain);

        var regression = context.Regression.Trainers.Sdca(maximumNumberOfIterations: 5).Fit(train);
        Regression = _directory.File("regression.zip");
        context.Model.Save(regression, train.Schema, Regression);

        var multiclass = context.Transforms.Conversion.MapValueToKey("Label")
            .Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 5))
            .Fit(train);
        Multiclass = _directory.File("multiclass.zip");
        context.Model.Save(multiclass, train.Schema, Multiclass);
    }

    public string Regression { get; }

    public string Multiclass { get; }

    public void Dispose() => _directory.Dispose();
}
