using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Verbs;

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
            var result = Verbs.Explain.Run(settings, CommandLine.Progress);
            var (document, resultPath) = CheckCommand.WriteResult(result, parsed.GetValue(reportDirectory), parsed.GetValue(formats));
            ExplainSummary.Write(document, resultPath);
            return ExitCodes.Passed;
        });
        return command;
    }
}
