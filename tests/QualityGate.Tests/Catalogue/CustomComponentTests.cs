using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.CustomComponents;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>
/// A model whose pipeline has a <c>CustomMapping</c> from the team's own assembly: without
/// <c>model.assemblies</c> the error names the missing component and the fix at the config's
/// line; with it, the real program gates the model.
/// </summary>
public sealed class CustomComponentTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public CustomComponentTests()
    {
        var context = new MLContext(seed: 1);
        var names = File.ReadLines(RepositoryPaths.SpambaseTrain).First().Split(',')[1..];
        var columns = new List<TextLoader.Column> { new("Label", DataKind.Boolean, 0) };
        columns.AddRange(names.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1)));
        var train = context.Data.CreateTextLoader([.. columns], ',', hasHeader: true).Load(RepositoryPaths.SpambaseTrain);
        var model = context.Transforms.CustomMapping<CapitalShare.Input, CapitalShare.Output>(CapitalShare.Map, CapitalShare.ContractName)
            .Append(context.Transforms.Concatenate("Features", [.. names, "CapitalShare"]))
            .Append(context.BinaryClassification.Trainers.FastTree(numberOfTrees: 20))
            .Fit(train);
        context.Model.Save(model, train.Schema, _directory.File("model.zip"));
        File.Copy(RepositoryPaths.SpambaseHeldout, _directory.File("heldout.csv"));
        Directory.CreateDirectory(_directory.File("bin"));
        File.Copy(typeof(CapitalShare).Assembly.Location, _directory.File(Path.Combine("bin", "QualityGate.CustomComponents.dll")));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Without_its_assembly_the_error_names_the_component_and_the_fix()
    {
        var run = Check(assemblies: null);
        Assert.Equal(ExitCodes.ModelOrData, run.ExitCode);
        Assert.Contains("qualitygate.yml(3,", run.All);
        Assert.Contains("The model uses a component from the assembly 'QualityGate.CustomComponents': list its .dll under 'model.assemblies'.", run.All);
        Assert.DoesNotContain("target of an invocation", run.All);
    }

    [Fact]
    public void With_its_assembly_listed_the_model_is_gated()
    {
        var run = Check(assemblies: "bin/QualityGate.CustomComponents.dll");
        Assert.True(run.ExitCode == ExitCodes.Passed, run.All);
        Assert.Contains("heldout", run.StandardOutput);
    }

    [Fact]
    public void A_listed_assembly_that_is_not_there_is_named_at_its_line()
    {
        var run = Check(assemblies: "bin/Missing.dll");
        Assert.Equal(ExitCodes.ModelOrData, run.ExitCode);
        Assert.Contains("qualitygate.yml(4,", run.All);
        Assert.Contains("'bin/Missing.dll' in 'model.assemblies' does not exist", run.All);
    }

    private QgateProcess.Result Check(string? assemblies)
    {
        var yaml = $"""
            version: 1
            model:
              path: model.zip
            {(assemblies is null ? string.Empty : $"  assemblies: [{assemblies}]\n")}label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            data: {"{"} heldout: heldout.csv {"}"}
            threshold: 0.5
            region: {"{"} quantile: 0.05 {"}"}
            limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.5 {"}"} {"}"} {"}"}
            """;
        File.WriteAllText(_directory.File("qualitygate.yml"), yaml);
        return QgateProcess.Run(_directory.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "check", "-c", "qualitygate.yml");
    }
}
