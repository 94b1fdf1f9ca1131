using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.CustomComponents;

namespace QualityGate.Package.Tests;

/// <summary>A FastTree model whose pipeline starts with a team's <c>CustomMapping</c> (<see cref="CapitalShare"/>), saved with its input schema.</summary>
internal static class CustomMappingModel
{
    public static void Train(string trainCsv, string modelPath)
    {
        var context = new MLContext(seed: 1);
        var names = File.ReadLines(trainCsv).First().Split(',')[1..];
        var columns = new List<TextLoader.Column> { new("Label", DataKind.Boolean, 0) };
        columns.AddRange(names.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1)));
        var train = context.Data.CreateTextLoader([.. columns], ',', hasHeader: true).Load(trainCsv);
        var model = context.Transforms.CustomMapping<CapitalShare.Input, CapitalShare.Output>(CapitalShare.Map, CapitalShare.ContractName)
            .Append(context.Transforms.Concatenate("Features", [.. names, "CapitalShare"]))
            .Append(context.BinaryClassification.Trainers.FastTree(numberOfTrees: 20))
            .Fit(train);
        context.Model.Save(model, train.Schema, modelPath);
    }
}
