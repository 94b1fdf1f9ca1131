using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate check</c>: evaluate the model and decide every limit.</summary>
internal static class CheckCommand
{
    public const string ResultFileName = "qualitygate-result.json";

    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Where to write the JSON result (default: reports.directory of the config)." };
        var updateSuite = new Option<bool>("--update-suite") { Description = "Also mine new hard examples into the suite, whatever the verdict." };
        var model = new Option<string?>("--model") { Description = "Gate this candidate model instead of model.path (same config, limits and baseline)." };
        var command = new Command("check", "Evaluate the model on the held-out set and suite, enforce the limits and regression checks.") { config, reportDirectory, updateSuite, model };
        command.SetAction(parsed => Execute(parsed.GetValue(config)!, parsed.GetValue(reportDirectory), parsed.GetValue(updateSuite), parsed.GetValue(model)));
        return command;
    }

    private static int Execute(string configPath, string? reportDirectory, bool updateSuite, string? candidateModel)
    {
        var config = ConfigLoader.Load(configPath);
        if (candidateModel is not null)
        {
            config = config with { Model = config.Model with { Path = Path.GetFullPath(candidateModel), Kind = ModelKind.MlNet } };
        }

        var result = GateRunner.Run(config, new RunOptions(Mine: updateSuite, Progress: CommandLine.Progress));
        var directory = reportDirectory is null ? config.Reports.Directory : Path.GetFullPath(reportDirectory);
        var resultPath = Path.Combine(directory, ResultFileName);
        WriteResult(resultPath, ResultJson.Serialize(result));
        ConsoleSummary.Write(result, configPath, Path.GetRelativePath(Environment.CurrentDirectory, resultPath));
        return result.ExitCode;
    }

    private static void WriteResult(string path, byte[] bytes) => QualityGate.Storage.AtomicFile.Write(path, bytes);
}
