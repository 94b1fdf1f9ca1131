using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate explain</c>: which features make hard negatives look positive, and which decide the close calls.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Where to write the JSON result with its 'explain' section (default: reports.directory of the config)." };
        var model = CommandLine.ModelOption("Explain");
        var formats = ReportCommand.FormatOption();
        var command = new Command("explain", "Compare hard negatives with easy negatives and positives feature by feature, and measure which features decide the threshold region.") { config, reportDirectory, model, formats };
        command.SetAction(parsed =>
        {
            var settings = CommandLine.WithModel(ConfigLoader.Load(parsed.GetValue(config)!), parsed.GetValue(model));
            var result = GateRunner.Run(settings, new RunOptions(Gate: false, Explain: true, Progress: CommandLine.Progress));
            ExplainSummary.Write(result, CheckCommand.WriteResult(result, parsed.GetValue(reportDirectory), parsed.GetValue(formats)));
            return ExitCodes.Passed;
        });
        return command;
    }
}
