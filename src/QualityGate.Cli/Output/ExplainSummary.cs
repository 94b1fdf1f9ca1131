using QualityGate.Explain;
using QualityGate.Gate;
using Spectre.Console;

namespace QualityGate.Cli.Output;

/// <summary>
/// The console view of <c>qgate explain</c>: the groups, the features that pull hard negatives
/// towards the positives, and the feature groups that decide the threshold region.
/// </summary>
internal static class ExplainSummary
{
    public static void Write(GateResult result, string resultPath)
    {
        var explanation = result.Explanation!;
        var console = Terminal.Create();

        var output = Visible.Writer(console.Profile.Out.Writer);
        var point = result.OperatingPoint;
        var hard = explanation.Groups[0];
        output.WriteLine($"Model      {result.Model.DisplayPath ?? "precomputed scores"}; threshold {F(point.Threshold)}, region [{F(point.RegionLow)}, {F(point.RegionHigh)}]");
        output.WriteLine($"Hard negatives  {hard.Heldout + hard.Suite:N0} (negatives scoring {F(explanation.HardFrom)} or more: {hard.Heldout:N0} held-out, {hard.Suite:N0} in the suite)");
        output.WriteLine($"Easy negatives  {explanation.Groups[1].Heldout:N0}");
        output.WriteLine($"Positives       {explanation.Groups[2].Heldout:N0}");
        output.WriteLine($"Region          {explanation.RegionExamples:N0} examples");
        output.WriteLine();

        var top = explanation.Settings.Top;
        output.WriteLine($"What pulls hard negatives towards the positives (top {Math.Min(top, explanation.Features.Count)} of {explanation.Features.Count} features)");
        var features = new Table().Border(TableBorder.Simple);
        features.AddColumns("Feature", "Pull (d)", "Hard vs positives (d)", "Median easy / hard / positive", "Zero easy / hard / positive", "Model input");
        foreach (var feature in explanation.Features.Take(top))
        {
            features.AddRow(
                feature.Feature.Name,
                F(feature.Pull),
                F(feature.HardVsPositives),
                $"{F(feature.Easy.Median)} / {F(feature.Hard.Median)} / {F(feature.Positives.Median)}",
                $"{P(feature.Easy.ZeroShare)} / {P(feature.Hard.ZeroShare)} / {P(feature.Positives.ZeroShare)}",
                feature.Feature.ModelInput switch { true => "yes", false => "NO", null => "?" });
        }

        console.Write(features);

        if (explanation.Importance is { } importance)
        {
            output.WriteLine($"What decides the close calls: region importance (top {Math.Min(top, importance.Count)} of {importance.Count} feature groups, {explanation.Settings.Repeats} shuffles over {explanation.RegionSampled:N0} region examples)");
            var groups = new Table().Border(TableBorder.Simple);
            groups.AddColumns("Feature group", "Score change", "Error-rate change", "Decisions flipped");
            foreach (var group in importance.Take(top))
            {
                groups.AddRow(group.Group.Name, F(group.ScoreChange), Signed(group.ErrorRateChange), P(group.FlipShare));
            }

            console.Write(groups);
        }

        foreach (var note in explanation.Notes.Concat(result.Warnings))
        {
            output.WriteLine($"qgate: note: {note}");
        }

        output.WriteLine($"Result: {resultPath} (section 'explain')");
    }

    private static string F(double? value) => value is { } v && double.IsFinite(v) ? LimitEvaluator.Format(v) : "-";

    private static string Signed(double value) => value > 0 ? $"+{F(value)}" : F(value);

    private static string P(double share) => share.ToString("0%", System.Globalization.CultureInfo.InvariantCulture);
}
