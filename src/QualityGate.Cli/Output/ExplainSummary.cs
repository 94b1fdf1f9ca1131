using System.Globalization;
using QualityGate.Reports;
using QualityGate.Results;
using Spectre.Console;

namespace QualityGate.Cli.Output;

/// <summary>
/// The console view of <c>qgate explain</c>: the groups, the features that pull hard negatives
/// towards the positives, and the feature groups that decide the threshold region.
/// </summary>
internal static class ExplainSummary
{
    public static void Write(ResultDocument result, string resultPath)
    {
        var explain = result.Explain!;
        var console = Terminal.Create();
        var output = Visible.Writer(console.Profile.Out.Writer);
        var hard = explain.Groups[ExplainSection.HardNegatives];
        output.WriteLine($"Model      {result.Model.Display}; threshold {F(result.Threshold.Value)}, region [{F(result.Region.Low)}, {F(result.Region.High)}]");
        output.WriteLine($"Hard negatives  {hard.Heldout + hard.Suite:N0} (negatives scoring {F(explain.HardFrom)} or more: {hard.Heldout:N0} held-out, {hard.Suite:N0} in the suite)");
        output.WriteLine($"Easy negatives  {explain.Groups[ExplainSection.EasyNegatives].Heldout:N0}");
        output.WriteLine($"Positives       {explain.Groups[ExplainSection.Positives].Heldout:N0}");
        output.WriteLine($"Region          {explain.Region.Examples:N0} examples");
        output.WriteLine();

        var top = explain.Shown;
        output.WriteLine($"What pulls hard negatives towards the positives (top {Math.Min(top, explain.Features.Count)} of {explain.Features.Count} features)");
        var features = new Table().Border(TableBorder.Simple);
        features.AddColumns("Feature", "Pull (d)", "Hard vs positives (d)", "Median easy / hard / positive", "Zero easy / hard / positive", "Model input");
        foreach (var feature in explain.Features.Take(top))
        {
            features.AddRow(
                feature.Name,
                F(feature.Pull),
                F(feature.HardVsPositives),
                $"{F(feature.EasyNegatives.Median)} / {F(feature.HardNegatives.Median)} / {F(feature.Positives.Median)}",
                $"{P(feature.EasyNegatives.Zero)} / {P(feature.HardNegatives.Zero)} / {P(feature.Positives.Zero)}",
                feature.ModelInput switch { true => "yes", false => "NO", null => "?" });
        }

        console.Write(features);

        if (explain.RegionImportance is { } importance)
        {
            output.WriteLine($"What decides the close calls: region importance (top {Math.Min(top, importance.Count)} of {importance.Count} feature groups, {explain.Repeats} shuffles over {explain.Region.Sampled:N0} region examples)");
            var groups = new Table().Border(TableBorder.Simple);
            groups.AddColumns("Feature group", "Score change", "Error-rate change", "Decisions flipped");
            foreach (var group in importance.Take(top))
            {
                groups.AddRow(group.Group, F(group.ScoreChange), Signed(group.ErrorRateChange), P(group.FlipShare));
            }

            console.Write(groups);
        }

        foreach (var note in explain.Notes.Concat(result.Warnings))
        {
            output.WriteLine($"qgate: note: {note}");
        }

        output.WriteLine($"Result: {resultPath} (section 'explain')");
    }

    private static string F(double? value) => Format.Number(value);

    private static string Signed(double? value) => value > 0 ? $"+{F(value)}" : F(value);

    private static string P(double? share) => share is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "-";
}
