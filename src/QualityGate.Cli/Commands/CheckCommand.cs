using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Errors;
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
        var command = new Command("check", "Evaluate the model on the held-out set (and suite) and enforce the limits.") { config, reportDirectory };
        command.SetAction(parsed => Execute(parsed.GetValue(config)!, parsed.GetValue(reportDirectory)));
        return command;
    }

    private static int Execute(string configPath, string? reportDirectory)
    {
        var config = ConfigLoader.Load(configPath);
        var result = GateRunner.Run(config, CommandLine.Progress);
        var directory = reportDirectory is null ? config.Reports.Directory : Path.GetFullPath(reportDirectory);
        var resultPath = Path.Combine(directory, ResultFileName);
        WriteResult(resultPath, ResultJson.Serialize(result));
        ConsoleSummary.Write(result, configPath, Path.GetRelativePath(Environment.CurrentDirectory, resultPath));
        return result.ExitCode;
    }

    private static void WriteResult(string path, byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(ErrorCodes.OutputNotWritable, $"The result '{path}' cannot be written: {e.Message}", inner: e);
        }
    }
}
