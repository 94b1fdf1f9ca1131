using QualityGate.Errors;

namespace QualityGate.Configuration;

/// <summary>The files a config reads or keeps, which no command may write over with something else.</summary>
public static class ConfigInputs
{
    /// <summary>A file the config names, what it is, where the config names it, and whether the verdict depends on it.</summary>
    public sealed record Input(string Path, string Role, SourceLocation Where, bool DecidesVerdict = true);

    /// <summary>Every file the config reads or keeps (some may not exist yet).</summary>
    public static IReadOnlyList<Input> Of(GateConfig config)
    {
        var suiteLocation = config.Data.SuiteLocation ?? config.Data.HeldoutLocation;
        var inputs = new List<Input>
        {
            new(config.ConfigPath, "the configuration", new SourceLocation(config.Display(config.ConfigPath), 0, 0)),
            new(config.Data.Heldout, "the held-out data", config.Data.HeldoutLocation),
        };
        inputs.AddRange(config.Data.Feedback.Select(f => new Input(f.Path, "feedback data", f.Location)));
        if (config.Data.SuiteScores is { } scores)
        {
            inputs.Add(new(scores.Path, "the suite's scores", scores.Location));
        }

        if (config.Data.Training is { } training)
        {
            // Read by export-training only: the gate's verdict does not depend on it.
            inputs.Add(new(training.Path, "the training data", training.Location, DecidesVerdict: false));
        }

        if (config.Data.Suite is { } suite)
        {
            inputs.Add(new(suite, "the suite", suiteLocation));
            inputs.Add(new(Training.InTrainingList.PathFor(config)!, "the in-training list", suiteLocation));
        }

        if (config.Model.Path is { } model)
        {
            inputs.Add(new(model, "the model", config.Model.Location));
        }

        // Custom components decide scores as much as the model does.
        inputs.AddRange(config.Model.Assemblies.Select(a => new Input(a.Path, "an assembly of the model's components", a.Location)));
        if (config.Model.ProjectAssembly is { } project)
        {
            inputs.Add(new(project, "the project's assembly", config.Model.Location));
        }

        if (config.Regression is { } regression)
        {
            inputs.Add(new(regression.Baseline, "the baseline", regression.Location));
            if (regression.BaselineModel is { } blessed)
            {
                inputs.Add(new(blessed, "the blessed model", regression.Location));
            }
        }

        return inputs;
    }

    /// <summary>
    /// The output must not be a file the config reads or keeps (it would be replaced and lost),
    /// even with --force; an existing file is replaced only with --force. Paths are compared
    /// after following symbolic links, so a link to an input is caught too.
    /// </summary>
    /// <param name="writer">What would write it, for the message: "the export".</param>
    public static void RequireNewOutput(GateConfig config, string outputPath, bool force, string writer)
    {
        var output = Resolved(outputPath);
        foreach (var (path, role, where, _) in Of(config))
        {
            var resolved = Resolved(path);
            if (output == resolved || (Directory.Exists(resolved) && output.StartsWith(resolved.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                throw new ConfigurationException(ErrorCodes.Usage, $"The output '{outputPath}' is {role}, which the config reads: {writer} would replace it.", where, "Write to a new file.");
            }
        }

        if (File.Exists(output) && !force)
        {
            throw new ConfigurationException(ErrorCodes.Usage, $"'{outputPath}' already exists.", new SourceLocation(outputPath, 0, 0), "Pass --force to replace it, or -o to write elsewhere.");
        }
    }

    /// <summary>The file a path ends at, through symbolic links.</summary>
    public static string Resolved(string path) => Storage.Links.FinalTarget(path);
}
