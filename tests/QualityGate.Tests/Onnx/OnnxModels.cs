using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Onnx;

/// <summary>
/// ONNX models built by the tests themselves, by converting real ML.NET models with ML.NET's ONNX
/// converter: the sample's FastTree model (one vector input of 57 slots) and a logistic
/// regression over 57 scalar inputs named like the CSV columns.
/// </summary>
public sealed class OnnxModels : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public OnnxModels()
    {
        var context = new MLContext(seed: 1);
        var features = File.ReadLines(RepositoryPaths.SpambaseTrain).First().Split(',')[1..];
        FeatureNames = features;

        // The sample's model reads one vector: convert it with a loader that makes that vector.
        var vectorLoader = context.Data.CreateTextLoader([new TextLoader.Column("Features", DataKind.Single, 1, 57)], ',', hasHeader: true);
        var sample = context.Model.Load(SampleConfigs.SampleModel, out _);
        VectorModel = _directory.File("spam-vector.onnx");
        using (var stream = File.Create(VectorModel))
        {
            context.Model.ConvertToOnnx(sample, vectorLoader.Load(RepositoryPaths.SpambaseHeldout), stream);
        }

        // A model over 57 named scalar inputs, saved both ways.
        var scalarLoader = context.Data.CreateTextLoader(
            [new TextLoader.Column("Label", DataKind.Boolean, 0), .. features.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1))],
            ',', hasHeader: true);
        var pipeline = context.Transforms.Concatenate("Features", features)
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var train = scalarLoader.Load(RepositoryPaths.SpambaseTrain);
        var scalar = pipeline.Fit(train);
        ScalarZip = _directory.File("spam-scalar.zip");
        context.Model.Save(scalar, train.Schema, ScalarZip);
        ScalarModel = _directory.File("spam-scalar.onnx");
        using (var stream = File.Create(ScalarModel))
        {
            context.Model.ConvertToOnnx(scalar, context.Data.CreateTextLoader([.. features.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1))], ',', hasHeader: true).Load(RepositoryPaths.SpambaseHeldout), stream);
        }
    }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The sample's FastTree model as ONNX: input <c>Features</c>, a vector of 57.</summary>
    public string VectorModel { get; }

    /// <summary>A logistic regression as ONNX, with 57 scalar inputs named like the CSV columns.</summary>
    public string ScalarModel { get; }

    /// <summary>The ML.NET model <see cref="ScalarModel"/> was converted from.</summary>
    public string ScalarZip { get; }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class OnnxModelsGroup : ICollectionFixture<OnnxModels>
{
    public const string Name = "ONNX models";
}
