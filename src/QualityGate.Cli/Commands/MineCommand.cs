using System.CommandLine;
using QualityGate.Cli.Output;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Verbs;

using QualityGate.Results;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate mine</c>: add the hardest new examples from the held-out and feedback data to the suite.</summary>
internal static class MineCommand
{
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var command = new Command("mine", "Mine hard negatives (and, if configured, hard positives) from held-out and feedback data into the suite.") { config };
        command.SetAction(parsed =>
        {
            var settings = ConfigLoader.Load(parsed.GetValue(config)!);
            var result = Mine.Run(settings, CommandLine.Progress);
            SuiteSummary.Write(Console.Out, ResultDocumentBuilder.From(result));
            foreach (var warning in result.Warnings)
            {
                Console.Out.WriteLine($"qgate: warning: {warning}");
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
