using System.Globalization;
using System.Net;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// One self-contained HTML page (inline CSS and SVG, no script, no network): verdict, limits,
/// plots of the score distributions with threshold and region, ROC and precision-recall curves
/// with the operating point, region rates with their bounds, candidate against baseline, and
/// the suite's changed items with their scores and the feature values that move them most. Every value that comes
/// from data or configuration is HTML-encoded.
/// </summary>
public static partial class HtmlReport
{
    public const string FileName = "qualitygate-report.html";

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; max-width: 1200px; }
        h1 { margin-bottom: 0.2rem; } .passed { color: #1a7f37; } .failed { color: #cf222e; } .inconclusive { color: #9a6700; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .plots { display: flex; flex-wrap: wrap; gap: 1rem; } .plot { border: 1px solid #d0d7de; margin: 0; }
        code { font-size: 0.85rem; } .muted { color: #59636e; }
        table.confusion caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; } details summary { cursor: pointer; margin-bottom: 0.5rem; }
        """;

    /// <summary>
    /// Rendered under the invariant culture whatever the machine's: the plotting library formats
    /// its axis labels with the current culture, which would write "0,1" under fr-FR.
    /// </summary>
    public static byte[] Render(ResultDocument report)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return RenderInvariant(report);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static byte[] RenderInvariant(ResultDocument report)
    {
        var html = new StringBuilder();
        void Line(string text) => html.Append(text).Append('\n');

        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        var verdict = E(Format.VerdictName(report.Verdict));
        Line($"<title>QualityGate {verdict}: {E(report.Model.Display)}</title>");
        Line($"<style>{Style}</style></head><body>");
        Line($"<h1 class=\"{verdict}\" id=\"verdict\">QualityGate {verdict}</h1>");
        Line($"<p class=\"muted\">Model <code>{E(report.Model.Display)}</code> (score column {E(report.Model.ScoreColumn)}), threshold {N(report.Threshold.Value)} ({E(report.Threshold.Source)}), " +
             $"region [{N(report.Region.Low)}, {N(report.Region.High)}]; predicted positive iff score &ge; threshold; bounds one-sided at {N(report.Statistics.Confidence * 100)}%.</p>");

        Limits(html, report);
        Regression(html, report);
        Confusion(html, report);
        PlotsSection(html, report);
        Slices(html, report);
        Suite(html, report);
        Explain(html, report);

        foreach (var warning in report.Warnings)
        {
            Line($"<p class=\"inconclusive\">Warning: {E(warning)}</p>");
        }

        Line("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>
    /// Each plot numbers its SVG clip paths from 1, and the page holds many plots: a clip path's id
    /// takes a hash of its figure's id (which may hold a feature's name), so every id on the page
    /// is unique, safe in an attribute, and the same in every run.
    /// </summary>
    private static string UniqueClipPaths(string svg, string figure)
    {
        var prefix = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(figure)))[..12];
        return ClipPathId().Replace(svg, match => $"qg{prefix}_{match.Value}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=id=""|url\(#)clipPath[0-9]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipPathId();

    private static void Limits(StringBuilder html, ResultDocument report)
    {
        if (report.Limits.Count == 0)
        {
            return;
        }

        html.Append("<h2>Limits</h2>\n<table id=\"limits\"><tr><th>Set</th><th>Metric</th><th>Value</th><th>k/n</th><th>Bounds</th><th>Limit</th><th>Evidence</th><th>Verdict</th><th>Where</th><th>Adjusted p</th></tr>\n");
        foreach (var limit in report.Limits)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr title=\"{E(limit.Message)}\"><td>{E(limit.DataSet)}</td><td>{E(limit.Metric)}</td><td class=\"num\">{N(limit.Value?.Value)}</td><td class=\"num\">{E(Format.Counts(limit.Value))}</td>" +
                $"<td class=\"num\">{E(Format.Bounds(limit.Value))}</td><td>{E(Format.Limit(limit))}</td><td>{E(limit.Evidence)}</td>{VerdictCell(limit.Verdict)}<td><code>{E(limit.Source.File)}:{limit.Source.Line}</code></td><td class=\"num\">{E(Format.PValue(limit.AdjustedP))}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Regression(StringBuilder html, ResultDocument report)
    {
        if (report.Regression.Checks.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Against the baseline <code>{E(report.Regression.Baseline ?? "")}</code></h2>\n");
        html.Append("<table id=\"regression\"><tr><th>Check</th><th>Basis</th><th>Baseline</th><th>Candidate</th><th>Change</th><th>Bounds</th><th>Allowed</th><th>Evidence</th><th>Verdict</th><th>Adjusted p</th></tr>\n");
        foreach (var check in report.Regression.Checks)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr title=\"{E(check.Message)}\"><td>{E(check.Check)}</td><td>{E(check.Basis)}</td><td class=\"num\">{N(check.BaselineValue)}</td><td class=\"num\">{N(check.CandidateValue)}</td><td class=\"num\">{N(check.Change)}</td>" +
                $"<td class=\"num\">{E(Format.Bounds(check))}</td><td>{E(Format.Allowed(check))}</td><td>{E(check.Evidence)}</td>{VerdictCell(check.Verdict)}<td class=\"num\">{E(Format.PValue(check.AdjustedP))}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void PlotsSection(StringBuilder html, ResultDocument report)
    {
        html.Append("<h2>Plots</h2>\n<div class=\"plots\">\n");
        foreach (var set in report.DataSets)
        {
            var (fpr, recall, precision) = (set.Metric("fpr"), set.Metric("recall"), set.Metric("precision"));
            Plot(html, $"distribution-{set.Name}", Plots.ScoreDistribution(set, report.Threshold.Value ?? double.NaN, report.Region.Low ?? double.NaN, report.Region.High ?? double.NaN));
            if (set.Confusion.Positives > 0 && set.Confusion.Negatives > 0)
            {
                Plot(html, $"roc-{set.Name}", Plots.Roc(set, fpr?.Value, recall?.Value));
                Plot(html, $"pr-{set.Name}", Plots.PrecisionRecall(set, recall?.Value, precision?.Value));
                Plot(html, $"thresholds-{set.Name}", Plots.AcrossThresholds(set, report.Threshold.Value ?? double.NaN, report.Region.Low ?? double.NaN, report.Region.High ?? double.NaN));
                if (report.Model.ScoresAreProbabilities)
                {
                    Plot(html, $"calibration-{set.Name}", Plots.Calibration(set));
                }
            }
        }

        Plot(html, "region-rates", Plots.RegionRates(report.DataSets));
        if (report.Regression.Checks.Any(r => r.BaselineValue is not null))
        {
            Plot(html, "baseline", Plots.CandidateAgainstBaseline(report.Regression.Checks));
        }

        html.Append("</div>\n");
    }

    /// <summary>Each data set's confusion matrix at the operating point, and in the threshold region.</summary>
    private static void Confusion(StringBuilder html, ResultDocument report)
    {
        html.Append("<h2>Confusion at the operating point</h2>\n<div class=\"plots\">\n");
        foreach (var set in report.DataSets)
        {
            foreach (var (title, counts, id) in new[] { ($"{set.Name}", set.Confusion, $"confusion-{set.Name}"), ($"{set.Name}, in the threshold region", set.RegionConfusion, $"region-confusion-{set.Name}") })
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<table id=\"{E(id)}\" class=\"confusion\"><caption>{E(title)}: {counts.Total} examples</caption><tr><th></th><th>predicted positive</th><th>predicted negative</th></tr>" +
                    $"<tr><th>positive</th><td class=\"num\">{counts.TruePositives}</td><td class=\"num\">{counts.FalseNegatives}</td></tr>" +
                    $"<tr><th>negative</th><td class=\"num\">{counts.FalsePositives}</td><td class=\"num\">{counts.TrueNegatives}</td></tr></table>\n");
            }
        }

        html.Append("</div>\n");
    }

    private static void Plot(StringBuilder html, string id, string svg) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"plot\" id=\"plot-{E(id)}\">{UniqueClipPaths(StripXmlDeclaration(svg), id)}</figure>\n");

    private static void Suite(StringBuilder html, ResultDocument report)
    {
        if (report.Suite is not { } suite)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Suite <code>{E(suite.Path)}</code></h2>\n<p>{suite.Active} active, {suite.Quarantined} quarantined, {suite.Rejected} rejected; against the baseline {suite.Fixed.Count} fixed and {suite.Broken.Count} broken.</p>\n");
        Items(html, "broken", "Broken: the baseline got these right", suite.Broken);
        Items(html, "fixed", "Fixed", suite.Fixed);
        Items(html, "added", "Added by mining", suite.Mining?.Added ?? []);
    }

    /// <summary>Every slice: size, key rates with bounds, and whether it is new, missing or too small; then the region rates per held-out slice.</summary>
    private static void Slices(StringBuilder html, ResultDocument report)
    {
        if (report.Slices?.Items is not { Count: > 0 } slices)
        {
            return;
        }

        string[] shown = ["fpr", "recall", "region.fpr", "region.error_rate"];
        html.Append("<h2 id=\"slices\">Slices</h2>\n<table id=\"slice-table\"><tr><th>Slice</th><th>Examples</th><th>Positives</th>");
        foreach (var metric in shown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(metric)}</th>");
        }

        html.Append("<th>Verdict</th><th>Note</th></tr>\n");
        foreach (var slice in slices)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(slice.Label)}</td><td class=\"num\">{slice.Count}</td><td class=\"num\">{slice.Positives}</td>");
            foreach (var metric in shown)
            {
                var cell = slice.Metrics.GetValueOrDefault(metric);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{N(cell?.Value)} <span class=\"muted\">{E(Format.Bounds(cell))}</span></td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"{VerdictCell(slice.Verdict)}<td>{E(slice.Note)}</td></tr>\n");
        }

        html.Append("</table>\n<div class=\"plots\">\n");
        var heldout = slices.Where(s => s.DataSet == DataSetNames.Heldout && s.Status != "missing").ToList();
        if (heldout.Count > 0)
        {
            Plot(html, "slice-region-rates", Plots.SliceRegionRates(heldout));
        }

        html.Append("</div>\n");
    }

    /// <summary>What <c>qgate explain</c> found: the features that pull hard negatives towards the positives, region importance, distributions.</summary>
    private static void Explain(StringBuilder html, ResultDocument report)
    {
        if (report.Explain is not { } explain)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<h2 id=\"explain\">Feature diagnostics</h2>\n<p>{explain.SizeOf(ExplainSection.HardNegatives)} hard negatives (negatives scoring {N(explain.HardFrom)} or more, held-out and suite), {explain.SizeOf(ExplainSection.EasyNegatives)} easy negatives, {explain.SizeOf(ExplainSection.Positives)} positives; {explain.Region.Examples} examples in the region.</p>\n");
        html.Append("<h3>What pulls hard negatives towards the positives</h3>\n<table id=\"explain-features\"><tr><th>Feature</th><th>Pull (d)</th><th>Hard vs positives (d)</th><th>Median easy / hard / positive</th><th>Zero easy / hard / positive</th><th>Model input</th></tr>\n");
        var top = Math.Max(explain.Shown, 1);
        foreach (var feature in explain.Features.Take(top))
        {
            var input = feature.ModelInput switch { true => "yes", false => "no: a feature the model does not read", null => "unknown" };
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(feature.Name)}</td><td class=\"num\">{N(feature.Pull)}</td><td class=\"num\">{N(feature.HardVsPositives)}</td><td class=\"num\">{N(feature.EasyNegatives.Median)} / {N(feature.HardNegatives.Median)} / {N(feature.Positives.Median)}</td>" +
                $"<td class=\"num\">{Share(feature.EasyNegatives.Zero)} / {Share(feature.HardNegatives.Zero)} / {Share(feature.Positives.Zero)}</td><td>{E(input)}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (explain.RegionImportance is { } importance)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>What decides the close calls: region importance ({explain.Repeats} shuffles)</h3>\n<table id=\"explain-importance\"><tr><th>Feature group</th><th>Score change</th><th>Error-rate change</th><th>Decisions flipped</th></tr>\n");
            foreach (var group in importance.Take(top))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(group.Group)}</td><td class=\"num\">{N(group.ScoreChange)}</td><td class=\"num\">{N(group.ErrorRateChange)}</td><td class=\"num\">{Share(group.FlipShare)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<div class=\"plots\">\n");
        foreach (var distribution in explain.Distributions)
        {
            Plot(html, $"feature-{distribution.Feature}", Plots.FeatureDistribution(distribution));
        }

        html.Append("</div>\n");
        foreach (var note in explain.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(note)}</p>\n");
        }
    }

    private static string VerdictCell(Verdict? verdict)
    {
        var text = verdict is { } v ? E(Format.VerdictName(v)) : "";
        return $"<td class=\"{text}\">{text}</td>";
    }

    private static string Share(double? share) => share is { } s ? E(s.ToString("0%", CultureInfo.InvariantCulture)) : "-";

    private static void Items(StringBuilder html, string id, string title, IReadOnlyList<ItemRow> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        // A long list is folded, so the page opens on the verdict and the plots.
        var folded = items.Count > ItemsShownOpen;
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(title)} ({items.Count})</h3>\n");
        if (folded)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details id=\"suite-{id}-list\"><summary>Show all {items.Count}</summary>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<table id=\"suite-{id}\"><tr><th>Id</th><th>Class</th><th>Score</th><th>Status</th><th>Source</th><th title=\"Each value's change to the score, against a typical negative's value\">Feature values that move its score most</th></tr>\n");
        foreach (var item in items)
        {
            var features = string.Join(", ", item.Features.Select(f => E(Format.Feature(f, " = "))));
            var status = item.Reason.Length > 0 ? $"{E(item.Status)}: {E(item.Reason)}" : E(item.Status);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{E(item.Id)}</code></td><td>{(item.Positive ? "positive" : "negative")}</td><td class=\"num\">{N(item.Score)}</td><td>{status}</td><td>{E(item.Source)}</td><td>{features}</td></tr>\n");
        }

        html.Append(folded ? "</table>\n</details>\n" : "</table>\n");
    }

    /// <summary>Lists up to this long are shown open; longer ones are folded.</summary>
    private const int ItemsShownOpen = 20;

    private static string StripXmlDeclaration(string svg) =>
        svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;

    private static string E(string text) => WebUtility.HtmlEncode(VisibleText.Of(text));

    private static string N(double? value) => E(Format.Number(value));
}
