using System.CommandLine;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Verbs;
using QualityGate.Shards;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate merge</c>: combine the shards' partial results into one verdict, as 'qgate check' would give.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var partials = new Argument<string[]>("partials") { Description = "The partial results of shards 1..n, written by 'qgate check --shard i/n'.", Arity = ArgumentArity.OneOrMore };
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Where to write the JSON result (default: reports.directory of the config)." };
        var updateSuite = new Option<bool>("--update-suite") { Description = "Also add the shards' hardest mining candidates to the suite (the shards must have run with --update-suite)." };
        var model = CommandLine.ModelOption("Gate");
        var formats = ReportCommand.FormatOption();
        var command = new Command("merge", "Combine the partial results of 'qgate check --shard i/n' into the verdict of a single run.") { config, partials, reportDirectory, updateSuite, model, formats };
        command.SetAction(parsed => Execute(parsed.GetValue(config)!, parsed.GetValue(partials)!, parsed.GetValue(reportDirectory), parsed.GetValue(updateSuite), parsed.GetValue(model), parsed.GetValue(formats)));
        return command;
    }

    private static int Execute(string configPath, string[] partialPaths, string? reportDirectory, bool updateSuite, string? candidateModel, string? formatList)
    {
        var config = CommandLine.WithModel(ConfigLoader.Load(configPath), candidateModel);
        var partials = partialPaths.Select(p => (PartialJson.Read(p, p), p)).ToList();
        var result = Merge.Run(config, partials, updateSuite, progress: CommandLine.Progress);
        CheckCommand.Publish(result, configPath, reportDirectory, formatList);
        return result.ExitCode;
    }
}
