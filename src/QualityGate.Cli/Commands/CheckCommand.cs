using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Verbs;
using QualityGate.Reports;
using QualityGate.Results;
using QualityGate.Shards;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate check</c>: evaluate the model and decide every limit.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Where to write the JSON result (default: reports.directory of the config)." };
        var updateSuite = new Option<bool>("--update-suite") { Description = "Also mine new hard examples into the suite, whatever the verdict." };
        var model = CommandLine.ModelOption("Gate");
        var inputsFile = new Option<string?>("--inputs-file") { Description = "Write the files this run read, one per line (for incremental builds)." };
        var formats = ReportCommand.FormatOption();
        var shard = new Option<string?>("--shard") { Description = "Score only shard i of n (i/n) of the held-out parts and write a partial result for 'qgate merge'." };
        var projectAssembly = new Option<string?>("--project-assembly") { Description = "Also register this assembly's ML.NET components, skipped if it does not load (the MSBuild task passes its project's output)." };
        var partial = new Option<string?>("--partial") { Description = "Where --shard writes its partial result (default: reports.directory/partial-i-of-n.json)." };
        var command = new Command("check", "Evaluate the model on the held-out set and suite, enforce the limits and regression checks.") { config, reportDirectory, updateSuite, model, inputsFile, formats, shard, partial, projectAssembly };
        command.SetAction(parsed => parsed.GetValue(shard) is { } spec
            ? Shard(parsed.GetValue(config)!, ShardSpec.Parse(spec), parsed.GetValue(partial), parsed.GetValue(updateSuite), parsed.GetValue(model))
            : Execute(parsed.GetValue(config)!, parsed.GetValue(reportDirectory), parsed.GetValue(updateSuite), parsed.GetValue(model), parsed.GetValue(inputsFile), parsed.GetValue(formats), parsed.GetValue(projectAssembly)));
        return command;
    }

    /// <summary>One shard: no verdict yet, only the partial result that 'qgate merge' combines.</summary>
    private static int Shard(string configPath, ShardSpec shard, string? partialPath, bool updateSuite, string? candidateModel)
    {
        var config = CommandLine.WithModel(ConfigLoader.Load(configPath), candidateModel);
        var partial = ShardRunner.Run(config, shard, updateSuite, CommandLine.Progress);
        var path = Path.GetFullPath(partialPath ?? Path.Combine(config.Reports.Directory, $"partial-{shard.Index}-of-{shard.Count}.json"));
        ConfigInputs.RequireNewOutput(config, path, force: true, "the partial result");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        QualityGate.Storage.AtomicFile.Write(path, PartialJson.Serialize(partial));
        var rows = partial.Bins.Sum(b => b.Positives + b.Negatives);
        Console.WriteLine($"Shard {shard}: {rows:N0} rows of {partial.HeldoutPath} scored{(partial.Mining is { } m ? $", {m.Candidates.Count} mining candidates kept" : string.Empty)}; partial result {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        Console.WriteLine("Merge every shard's partial result with 'qgate merge' for the verdict.");
        return QualityGate.Errors.ExitCodes.Passed;
    }

    private static int Execute(string configPath, string? reportDirectory, bool updateSuite, string? candidateModel, string? inputsFile, string? formatList, string? projectAssembly)
    {
        var config = CommandLine.WithModel(ConfigLoader.Load(configPath), candidateModel);
        if (projectAssembly is not null)
        {
            config = config with { Model = config.Model with { ProjectAssembly = Path.GetFullPath(projectAssembly) } };
        }

        var result = Check.Run(config, CommandLine.Progress, updateSuite);
        Publish(result, configPath, reportDirectory, formatList);
        if (inputsFile is not null)
        {
            WriteInputs(inputsFile, config);
        }

        return result.ExitCode;
    }

    /// <summary>Writes the JSON result and the chosen reports, and prints the summary.</summary>
    internal static void Publish(GateResult result, string configPath, string? reportDirectory, string? formatList)
    {
        var (document, resultPath) = WriteResult(result, reportDirectory, formatList);
        ConsoleSummary.Write(document, configPath, resultPath);
    }

    /// <summary>Writes the JSON result and the chosen reports; returns the document and the result's path as the user should read it.</summary>
    internal static (ResultDocument Document, string ResultPath) WriteResult(GateResult result, string? reportDirectory, string? formatList)
    {
        var directory = reportDirectory is null ? result.Config.Reports.Directory : Path.GetFullPath(reportDirectory);
        var resultPath = Path.Combine(directory, ReportWriter.ResultFileName);
        var chosen = ReportCommand.ParseFormats(formatList) ?? result.Config.Reports.Formats;
        var document = ResultDocumentBuilder.From(result);
        ReportWriter.Write(document, directory, [ReportFormat.Json, .. chosen]);
        CiAnnotations.AppendJobSummary(MarkdownReport.Render(document));
        return (document, Path.GetRelativePath(Environment.CurrentDirectory, resultPath));
    }

    /// <summary>Every file the gate's verdict depends on; MSBuild compares their times with its stamp.</summary>
    private static void WriteInputs(string path, GateConfig config)
    {
        var lines = ConfigInputs.Of(config).Where(i => i.DecidesVerdict).Select(i => i.Path).Where(File.Exists).Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal);
        QualityGate.Storage.AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

}
