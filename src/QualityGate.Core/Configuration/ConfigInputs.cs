using QualityGate.Errors;

namespace QualityGate.Configuration;

/// <summary>The files a config reads or keeps, which no command may write over with something else.</summary>
public static class ConfigInputs
{
    /// <summary>
    /// The output must not be a file the config reads or keeps (it would be replaced by the
    /// export and lost), even with --force; an existing file is replaced only with --force.
    /// Paths are compared after following symbolic links, so a link to an input is caught too.
    /// </summary>
    public static void RequireNewOutput(GateConfig config, string outputPath, bool force, string writer)
    {
        var output = Resolved(outputPath);
        var inputs = new List<(string Path, string Role, SourceLocation Where)>
        {
            (config.ConfigPath, "the configuration", new SourceLocation(config.Display(config.ConfigPath), 0, 0)),
            (config.Data.Heldout, "the held-out data", config.Data.HeldoutLocation),
        };
        inputs.AddRange(config.Data.Feedback.Select(f => (f.Path, "feedback data", f.Location)));
        foreach (var (source, role) in new[] { (config.Data.Training, "the training data"), (config.Data.SuiteScores, "the suite's scores") })
        {
            if (source is not null)
            {
                inputs.Add((source.Path, role, source.Location));
            }
        }

        if (config.Data.Suite is { } suite)
        {
            inputs.Add((suite, "the suite", config.Data.SuiteLocation ?? config.Data.HeldoutLocation));
            inputs.Add((Training.InTrainingList.PathFor(config)!, "the in-training list", config.Data.SuiteLocation ?? config.Data.HeldoutLocation));
        }

        if (config.Model.Path is { } model)
        {
            inputs.Add((model, "the model", config.Model.Location));
        }

        if (config.Regression is { } regression)
        {
            inputs.Add((regression.Baseline, "the baseline", regression.Location));
        }

        foreach (var (path, role, where) in inputs)
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
    public static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
