using System.CommandLine;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Training;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate export-training</c>: the training data plus the suite's active items, to train the next model on.</summary>
internal static class ExportTrainingCommand
{
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var force = new Option<bool>("--force") { Description = "Replace an existing output file (never one the config reads)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write: the training data (data.training) followed by the suite's active items.", Required = true };
        var weightColumn = new Option<string?>("--weight-column") { Description = "Append a weight column of this name: 1 for training rows, --hard-weight for suite items." };
        var hardWeight = new Option<double>("--hard-weight") { Description = "The weight of a suite item in the weight column.", DefaultValueFactory = _ => 2.0 };
        var includeHeldout = new Option<bool>("--include-heldout-mined")
        {
            Description = "Also export items mined from the held-out set. They are then listed beside the suite, and the gate leaves them out of held-out metrics.",
        };
        var command = new Command("export-training", "Write the training data plus the suite's active items (hard negatives), optionally weighted, in the training data's own format.")
        {
            config, output, weightColumn, hardWeight, includeHeldout, force,
        };
        command.SetAction(parsed =>
        {
            var settings = ConfigLoader.Load(parsed.GetValue(config)!);
            var weight = parsed.GetValue(hardWeight);
            if (!double.IsFinite(weight) || weight <= 0)
            {
                throw new ConfigurationException(ErrorCodes.Usage, $"--hard-weight must be a positive number, not {weight}.");
            }

            var path = parsed.GetValue(output)!;
            var outcome = TrainingExport.Export(settings, path, parsed.GetValue(weightColumn), weight, parsed.GetValue(includeHeldout), parsed.GetValue(force));
            Console.WriteLine($"Wrote {path}: {outcome.TrainingRows:N0} training rows and {outcome.SuiteItems:N0} suite items.");
            if (outcome.LeftOut > 0)
            {
                Console.WriteLine($"Left out {outcome.LeftOut:N0} items mined from the held-out set: training on them would make held-out metrics optimistic. --include-heldout-mined adds them.");
            }

            if (outcome.InTraining > 0)
            {
                Console.WriteLine($"qgate: warning: {outcome.InTraining:N0} held-out examples are now in training data (listed in '{settings.Display(InTrainingList.PathFor(settings)!)}'; commit it): the gate leaves them out of held-out metrics.");
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
