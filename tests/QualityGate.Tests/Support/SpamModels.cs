using Microsoft.ML;
using Microsoft.ML.Data;

namespace QualityGate.Tests.Support;

/// <summary>
/// Real ML.NET models trained once per test run on the sample's Spambase training split:
/// one saved with its input schema (57 scalar input columns), one saved with its data loader.
/// The committed sample model covers the third shape, a 57-slot vector input.
/// </summary>
public sealed class SpamModels : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public SpamModels()
    {
        var context = new MLContext(seed: 1);
        var header = File.ReadLines(RepositoryPaths.SpambaseTrain).First().Split(',');
        FeatureNames = header[1..];
        var columns = new List<TextLoader.Column> { new("Label", DataKind.Boolean, 0) };
        columns.AddRange(FeatureNames.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1)));
        var loader = context.Data.CreateTextLoader([.. columns], separatorChar: ',', hasHeader: true);
        var train = loader.Load(RepositoryPaths.SpambaseTrain);
        var pipeline = context.Transforms.Concatenate("Features", [.. FeatureNames])
            .Append(context.Transforms.NormalizeMinMax("Features"))
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var model = pipeline.Fit(train);

        ScalarInputsModel = _directory.File("scalar-inputs.zip");
        context.Model.Save(model, train.Schema, ScalarInputsModel);
        EmbeddedLoaderModel = _directory.File("embedded-loader.zip");
        context.Model.Save(model, loader, EmbeddedLoaderModel);
    }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Saved with <c>Save(model, schema)</c>: inputs are the 57 named scalar columns.</summary>
    public string ScalarInputsModel { get; }

    /// <summary>Saved with <c>Save(model, loader)</c>: the gate must read data with this loader.</summary>
    public string EmbeddedLoaderModel { get; }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SpamModelsGroup : ICollectionFixture<SpamModels>
{
    public const string Name = "Spam models";
}
