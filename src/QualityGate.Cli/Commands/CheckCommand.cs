using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Reports;
using QualityGate.Results;

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
        var command = new Command("check", "Evaluate the model on the held-out set and suite, enforce the limits and regression checks.") { config, reportDirectory, updateSuite, model, inputsFile, formats };
        command.SetAction(parsed => Execute(parsed.GetValue(config)!, parsed.GetValue(reportDirectory), parsed.GetValue(updateSuite), parsed.GetValue(model), parsed.GetValue(inputsFile), parsed.GetValue(formats)));
        return command;
    }

    private static int Execute(string configPath, string? reportDirectory, bool updateSuite, string? candidateModel, string? inputsFile, string? formatList)
    {
        var config = CommandLine.WithModel(ConfigLoader.Load(configPath), candidateModel);
        var result = GateRunner.Run(config, new RunOptions(Mine: updateSuite, Progress: CommandLine.Progress));
        var directory = reportDirectory is null ? config.Reports.Directory : Path.GetFullPath(reportDirectory);
        var resultPath = Path.Combine(directory, ReportWriter.ResultFileName);
        var chosen = ReportCommand.ParseFormats(formatList) ?? config.Reports.Formats;
        ReportWriter.Write(ResultJson.Serialize(result), directory, [ReportFormat.Json, .. chosen], resultPath);
        ConsoleSummary.Write(result, configPath, Path.GetRelativePath(Environment.CurrentDirectory, resultPath));
        if (inputsFile is not null)
        {
            WriteInputs(inputsFile, config);
        }

        return result.ExitCode;
    }

    /// <summary>Every file the gate's verdict depends on; MSBuild compares their times with its stamp.</summary>
    private static void WriteInputs(string path, GateConfig config)
    {
        string?[] candidates =
        [
            config.ConfigPath,
            config.Model.Path,
            config.Data.Heldout,
            config.Data.Suite,
            config.Data.SuiteScores?.Path,
            config.Regression?.Baseline,
            config.Regression?.BaselineModel,
            .. config.Data.Feedback.Select(f => f.Path),
        ];
        var lines = candidates.OfType<string>().Where(File.Exists).Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal);
        QualityGate.Storage.AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

}
