using System.Globalization;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Reports;
using QualityGate.Results;
using Spectre.Console;

namespace QualityGate.Cli.Output;

/// <summary>
/// The console summary of a result document: the operating point, one row per limit (value,
/// bounds, limit, verdict), then one canonical diagnostic line per finding, which CI log parsers,
/// IDEs and the MSBuild task turn into links to the YAML line.
/// </summary>
internal static class ConsoleSummary
{
    public static void Write(ResultDocument result, string configPath, string resultPath)
    {
        var console = Terminal.Create();
        if (OutputSettings.ShowsSummary)
        {
            WriteSummary(console, result);
        }

        WriteFindings(console, result, configPath, resultPath);
    }

    private static void WriteSummary(IAnsiConsole console, ResultDocument result)
    {
        var output = Visible.Writer(console.Profile.Out.Writer);
        output.WriteLine($"Model      {result.Model.Display} ({result.Model.Loading}; score column {result.Model.ScoreColumn})");
        output.WriteLine($"Threshold  {F(result.Threshold.Value)} ({result.Threshold.Source}); predicted positive iff score >= threshold");
        output.WriteLine($"Region     [{F(result.Region.Low)}, {F(result.Region.High)}]");
        foreach (var set in result.DataSets)
        {
            output.WriteLine($"{set.Name,-10} {set.Path}: {set.Confusion.Total} examples ({set.Confusion.Positives} positive), {set.RegionConfusion.Total} in the region");
        }

        if (result.Limits.Count > 0)
        {
            console.Write(LimitTable(result));
        }
        else
        {
            output.WriteLine("No limits are configured: nothing to enforce.");
        }

        WriteRegression(console, result);
        WriteSlices(console, result);
        SuiteSummary.Write(output, result);
    }

    private static Table LimitTable(ResultDocument result)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Set", "Metric", "Value", "k/n", $"{Wording.Percent(result.Statistics.Confidence)} bounds", "Limit", "Evidence", "Verdict", "Adj. p");
        foreach (var limit in result.Limits)
        {
            var value = limit.Value;
            table.AddRow(Row(
                [limit.DataSet, limit.Metric, value is null ? "-" : F(value.Value), Format.Counts(value), Format.Bounds(value), Format.Limit(limit), limit.Evidence],
                limit.Verdict,
                limit.AdjustedP));
        }

        return table;
    }

    /// <summary>Every finding at its YAML line, the warnings, and the verdict: printed at every verbosity.</summary>
    private static void WriteFindings(IAnsiConsole console, ResultDocument result, string configPath, string resultPath)
    {
        var output = Visible.Writer(console.Profile.Out.Writer);
        foreach (var finding in result.Findings)
        {
            var where = new SourceLocation(configPath, finding.Source.Line, finding.Source.Column);
            var severity = finding.Severity == Severity.Error ? "error" : "warning";
            var text = $"{Format.Headline(finding)}: {finding.Message}";
            output.WriteLine($"{where}: {severity} {finding.Code}: {text}");
            if (CiAnnotations.For(where, finding.Severity == Severity.Error, finding.Code, text) is { } annotation)
            {
                output.WriteLine(annotation);
            }
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

    private static void WriteRegression(IAnsiConsole console, ResultDocument result)
    {
        if (result.Regression.Checks.Count == 0)
        {
            return;
        }

        Visible.Writer(console.Profile.Out.Writer).WriteLine($"Baseline   {result.Regression.Baseline}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Check", "Basis", "Baseline", "Candidate", "Change", "Bounds", "Allowed", "Evidence", "Verdict", "Adj. p");
        foreach (var check in result.Regression.Checks)
        {
            table.AddRow(Row(
                [check.Check, check.Basis, Blank(check.BaselineValue), Blank(check.CandidateValue), Blank(check.Change), Format.Bounds(check), Format.Allowed(check), check.Evidence],
                check.Verdict,
                check.AdjustedP));
        }

        console.Write(table);
    }

    /// <summary>One row per slice: its size, key rates, the verdict of its limits and checks, and whether it is new, missing or too small.</summary>
    private static void WriteSlices(IAnsiConsole console, ResultDocument result)
    {
        if (result.Slices is not { Items.Count: > 0 } slices)
        {
            return;
        }

        Visible.Writer(console.Profile.Out.Writer).WriteLine($"Slices     {slices.Items.Count} (min_size {slices.MinSize})");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Slice", "Examples", "Positives", "fpr", "region.error_rate", "Verdict", "Note");
        foreach (var slice in slices.Items)
        {
            string Rate(string name) => Format.Number(slice.Metrics.GetValueOrDefault(name)?.Value);
            table.AddRow(
                [.. new[] { slice.Label, slice.Count.ToString(CultureInfo.InvariantCulture), slice.Positives.ToString(CultureInfo.InvariantCulture), Rate("fpr"), Rate("region.error_rate") }.Select(Cell),
                slice.Verdict is { } verdict ? Markup(verdict) : new Markup(""),
                Cell(slice.Note)]);
        }

        console.Write(table);
    }

    private static Spectre.Console.Rendering.IRenderable[] Row(string[] cells, Verdict verdict, double? adjustedP) =>
        [.. cells.Select(Cell), Markup(verdict), new Text(Format.PValue(adjustedP))];

    private static Text Cell(string text) => new(Visible.Clean(text));

    private static Markup Markup(Verdict verdict) => new(verdict switch
    {
        Verdict.Passed => "[green]passed[/]",
        Verdict.Failed => "[red bold]FAILED[/]",
        _ => "[yellow]inconclusive[/]",
    });

    private static string Blank(double? value) => value is null ? "" : F(value);

    /// <summary>An operating-point number or metric value; "n/a" where the document holds none.</summary>
    private static string F(double? value) => value is { } v ? Wording.Number(v) : "n/a";
}
