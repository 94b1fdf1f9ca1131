using System.CommandLine;
using System.Globalization;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Verbs;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate bless</c>: record the current model as the baseline later candidates are compared with.</summary>
internal static class BlessCommand
{
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var force = new Option<bool>("--force") { Description = "Bless even when the model breaks an absolute limit." };
        var model = CommandLine.ModelOption("Bless");
        var command = new Command("bless", "Write the baseline: the current model's operating point, metrics and per-example outcomes.") { config, force, model };
        command.SetAction(parsed => Execute(parsed.GetValue(config)!, parsed.GetValue(force), parsed.GetValue(model)));
        return command;
    }

    private static int Execute(string configPath, bool force, string? model)
    {
        var config = CommandLine.WithModel(ConfigLoader.Load(configPath), model);
        if (config.Regression is not { } regression)
        {
            throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "Blessing needs a place for the baseline: set 'regression.baseline'.", new SourceLocation(configPath, 1, 1));
        }

        var result = Bless.Evaluate(config, CommandLine.Progress);
        if (result.Verdict == Verdict.Failed && !force)
        {
            foreach (var failed in result.Limits.Where(l => l.Verdict == Verdict.Failed))
            {
                Console.Error.WriteLine($"{failed.Limit.Location with { File = configPath }}: error {ErrorCodes.LimitBroken}: {failed.Limit.DataSet} {failed.Limit.Metric} broke its limit: {failed.Message}");
            }

            Console.Error.WriteLine("qgate: the model breaks its limits, so it was not blessed. Pass --force to bless it anyway.");
            return ExitCodes.GateFailed;
        }

        var baseline = BaselineBuilder.Build(result);
        BaselineStore.Write(regression.Baseline, baseline);
        var heldout = baseline.Heldout;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Blessed {result.Model.DisplayPath ?? "the scores"} into {config.Display(regression.Baseline)}: threshold {baseline.Threshold:0.####} ({baseline.ThresholdSource}), region [{baseline.RegionLow:0.####}, {baseline.RegionHigh:0.####}], " +
            $"{heldout.Outcomes.FalsePositives.Count + heldout.Outcomes.FalseNegatives.Count} held-out mistakes and {baseline.Suite?.Items.Count ?? 0} suite items recorded."));
        return ExitCodes.Passed;
    }
}
