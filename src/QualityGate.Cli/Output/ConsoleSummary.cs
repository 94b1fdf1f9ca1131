using System.Globalization;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Metrics;
using Spectre.Console;

namespace QualityGate.Cli.Output;

/// <summary>
/// The console summary: the operating point, one row per limit (value, bounds, limit, verdict),
/// then one canonical diagnostic line per broken or inconclusive limit, which CI log parsers and
/// IDEs turn into links to the YAML line.
/// </summary>
internal static class ConsoleSummary
{
    public static void Write(GateResult result, string configPath, string resultPath)
    {
        var console = Terminal.Create();
        if (OutputSettings.ShowsSummary)
        {
            WriteSummary(console, result);
        }

        WriteFindings(console, result, configPath, resultPath);
    }

    private static void WriteSummary(IAnsiConsole console, GateResult result)
    {
        var output = Visible.Writer(console.Profile.Out.Writer);
        var point = result.OperatingPoint;
        var statistics = result.Config.Statistics;
        output.WriteLine($"Model      {result.Model.DisplayPath ?? "precomputed scores"} ({result.Model.Loading}; score column {result.Model.ScoreColumn})");
        output.WriteLine($"Threshold  {F(point.Threshold)} ({point.ThresholdSource}); predicted positive iff score >= threshold");
        output.WriteLine($"Region     [{F(point.RegionLow)}, {F(point.RegionHigh)}]");
        foreach (var set in result.Sets)
        {
            var c = set.Confusion;
            output.WriteLine($"{Pad(set.Name)} {set.DisplayPath}: {c.Total} examples ({c.Positives} positive), {set.Region.Total} in the region");
        }

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Set", "Metric", "Value", "k/n", $"{statistics.Confidence.ToString("0.##%", CultureInfo.InvariantCulture)} bounds", "Limit", "Evidence", "Verdict", "Adj. p");
        foreach (var outcome in result.Limits)
        {
            var value = outcome.Value;
            table.AddRow(
                [.. new[]
                {
                outcome.Limit.DataSet,
                outcome.Limit.Metric.ToString(),
                value is null ? "-" : F(value.Value),
                value?.Successes is { } k ? $"{k}/{value.Trials}" : "",
                value is null || value.IsCount ? "" : $"[{F(value.Bounds.Lower)}, {F(value.Bounds.Upper)}]",
                LimitEvaluator.Describe(outcome.Limit),
                LimitEvaluator.YamlName(outcome.Evidence),
                }.Select(text => new Text(Visible.Clean(text))), Markup(outcome.Verdict), new Text(PValue(outcome.AdjustedPValue))]);
        }

        if (result.Limits.Count > 0)
        {
            console.Write(table);
        }
        else
        {
            output.WriteLine("No limits are configured: nothing to enforce.");
        }

        WriteRegression(console, result);
        WriteSlices(console, result);
        SuiteSummary.Write(output, result);
    }

    /// <summary>Every broken or inconclusive limit at its YAML line, the warnings, and the verdict: printed at every verbosity.</summary>
    private static void WriteFindings(IAnsiConsole console, GateResult result, string configPath, string resultPath)
    {
        var output = Visible.Writer(console.Profile.Out.Writer);
        foreach (var outcome in result.Limits.Where(o => o.Verdict != Verdict.Passed))
        {
            var severity = outcome.Verdict == Verdict.Failed || result.Config.Statistics.Inconclusive == Configuration.InconclusivePolicy.Fail ? "error" : "warning";
            var code = outcome.Verdict == Verdict.Failed ? ErrorCodes.LimitBroken : ErrorCodes.LimitInconclusive;
            var where = outcome.Limit.Location with { File = configPath };
            var text = $"{outcome.Limit.DataSet} {outcome.Limit.Metric} {Describe(outcome)}: {outcome.Message}";
            output.WriteLine($"{where}: {severity} {code}: {text}");
            Annotate(console, where, severity == "error", code, text);
        }

        foreach (var check in result.Regression.Where(o => o.Verdict != Verdict.Passed))
        {
            var severity = check.Verdict == Verdict.Failed || result.Config.Statistics.Inconclusive == Configuration.InconclusivePolicy.Fail ? "error" : "warning";
            var code = check.Verdict == Verdict.Failed ? ErrorCodes.RegressionBroken : ErrorCodes.LimitInconclusive;
            var where = check.Limit.Location with { File = configPath };
            var text = $"regression {check.Limit.Key} {(check.Verdict == Verdict.Failed ? "broke its limit" : "is inconclusive")}: {check.Message}";
            output.WriteLine($"{where}: {severity} {code}: {text}");
            Annotate(console, where, severity == "error", code, text);
        }

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"qgate: warning: {warning}");
        }

        if (OutputSettings.Verbosity >= Verbosity.Minimal)
        {
            output.WriteLine($"Result     {resultPath}");
        }

        output.WriteLine($"Gate {result.Verdict.ToString().ToUpperInvariant()} (exit code {result.ExitCode})");
    }

    private static void WriteRegression(IAnsiConsole console, GateResult result)
    {
        if (result.Regression.Count == 0)
        {
            return;
        }

        Visible.Writer(console.Profile.Out.Writer).WriteLine($"Baseline   {result.BaselinePath}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Check", "Basis", "Baseline", "Candidate", "Change", "Bounds", "Allowed", "Evidence", "Verdict", "Adj. p");
        foreach (var check in result.Regression)
        {
            var allowed = check.Limit.MaxIncrease is not null ? $"+{F(check.Allowed ?? 0)}" : check.Limit.MaxDecrease is not null ? $"-{F(check.Allowed ?? 0)}" : LimitText(check);
            table.AddRow(
                [.. new[]
                {
                    check.Limit.Key,
                    check.Basis,
                    check.Baseline is { } b ? F(b) : "",
                    check.Candidate is { } c ? F(c) : "",
                    check.Change is { } d ? F(d) : "",
                    check.ChangeBounds is { } bounds ? $"[{F(bounds.Lower)}, {F(bounds.Upper)}]" : "",
                    allowed,
                    LimitEvaluator.YamlName(check.Evidence),
                }.Select(text => new Text(Visible.Clean(text))), Markup(check.Verdict), new Text(PValue(check.HolmPValue))]);
        }

        console.Write(table);
    }

    /// <summary>One row per slice: its size, key rates, the verdict of its limits and checks, and whether it is new, missing or too small.</summary>
    private static void WriteSlices(IAnsiConsole console, GateResult result)
    {
        if (result.Slices.Count == 0)
        {
            return;
        }

        Visible.Writer(console.Profile.Out.Writer).WriteLine($"Slices     {result.Slices.Count} (min_size {result.Config.Slices!.MinSize})");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Slice", "Examples", "Positives", "fpr", "region.error_rate", "Verdict", "Note");
        foreach (var slice in result.Slices)
        {
            string Rate(string name) => slice.Evaluation?.Find(new Configuration.MetricName(name)) is { EmptyDenominator: false } value ? F(value.Value) : "-";
            table.AddRow(
                [.. new[] { slice.Label, slice.Count.ToString(CultureInfo.InvariantCulture), slice.Positives.ToString(CultureInfo.InvariantCulture), Rate("fpr"), Rate("region.error_rate") }.Select(text => new Text(Visible.Clean(text))),
                result.VerdictOf(slice.Label) is { } verdict ? Markup(verdict) : new Markup(""),
                new Text(Visible.Clean(slice.Note))]);
        }

        console.Write(table);
    }

    private static string LimitText(Regression.RegressionOutcome check) =>
        check.Limit.Max is { } max ? $"max {F(max)}" : $"min {F(check.Limit.Min ?? 0)}";

    private static string Describe(LimitOutcome outcome) => outcome.Verdict == Verdict.Failed ? "broke its limit" : "is inconclusive";

    private static Markup Markup(Verdict verdict) => new(verdict switch
    {
        Verdict.Passed => "[green]passed[/]",
        Verdict.Failed => "[red bold]FAILED[/]",
        _ => "[yellow]inconclusive[/]",
    });

    private static string Pad(string name) => name.PadRight(10);

    private static string F(double value) => double.IsFinite(value) ? LimitEvaluator.Format(value) : "n/a";

    /// <summary>The p-value after the run's family-wise correction, where the decision has one.</summary>
    private static string PValue(double? p) => p is { } v ? FamilyWiseCorrection.PValueText(v) : "";

    /// <summary>The same finding as the CI system's own annotation, under GitHub Actions or Azure Pipelines.</summary>
    private static void Annotate(IAnsiConsole console, SourceLocation where, bool isError, string code, string text)
    {
        if (CiAnnotations.For(where, isError, code, text) is { } annotation)
        {
            Visible.Writer(console.Profile.Out.Writer).WriteLine(annotation);
        }
    }
}
