using System.Globalization;
using System.Text;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// A compact summary for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: the verdict
/// first, then the limits, the checks against the baseline, and the suite's changes. Long item
/// lists fold into &lt;details&gt;, so a passing gate fits in one screen.
/// </summary>
public static class MarkdownReport
{
    public const string FileName = "qualitygate-summary.md";
    private const int ItemsShown = 20;

    public static byte[] Render(ResultDocument report)
    {
        var md = new StringBuilder();
        var icon = report.Verdict switch { Verdict.Passed => "✅", Verdict.Failed => "❌", _ => "⚠️" };
        md.Append(CultureInfo.InvariantCulture, $"## {icon} QualityGate {Format.VerdictName(report.Verdict)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"`{Cell(report.Model.Display)}` at threshold {Format.Number(report.Threshold.Value)} ({Cell(report.Threshold.Source)}); ");
        md.Append(CultureInfo.InvariantCulture, $"region [{Format.Number(report.Region.Low)}, {Format.Number(report.Region.High)}]; bounds are one-sided at {Format.Number(report.Statistics.Confidence * 100)}%.\n\n");

        Limits(md, report);
        Regression(md, report);
        Findings(md, report);
        Slices(md, report);
        Suite(md, report);
        foreach (var warning in report.Warnings)
        {
            md.Append(CultureInfo.InvariantCulture, $"> ⚠️ {Cell(warning)}\n");
        }

        return Encoding.UTF8.GetBytes(md.ToString());
    }

    /// <summary>One row per limit: value with counts, bounds, limit and evidence, status, adjusted p.</summary>
    private static void Limits(StringBuilder md, ResultDocument report)
    {
        if (report.Limits.Count > 0)
        {
            md.Append("| Set | Metric | Value | Bounds | Limit | Status | Adjusted p |\n|---|---|---|---|---|---|---|\n");
            foreach (var limit in report.Limits)
            {
                var counts = Format.Counts(limit.Value);
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(limit.DataSet)} | {Cell(limit.Metric)} | {Format.Number(limit.Value?.Value)}{(counts.Length > 0 ? $" ({counts})" : "")} | {Format.Bounds(limit.Value)} | {Format.Limit(limit)} ({limit.Evidence}) | {Status(limit.Verdict)} | {Format.PValue(limit.AdjustedP)} |\n");
            }

            md.Append('\n');
        }
    }

    /// <summary>One row per check against the baseline.</summary>
    private static void Regression(StringBuilder md, ResultDocument report)
    {
        if (report.Regression.Checks.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"**Against the baseline** `{Cell(report.Regression.Baseline ?? "")}`\n\n");
            md.Append("| Check | Baseline | Candidate | Change | Bounds | Allowed | Status | Adjusted p |\n|---|---|---|---|---|---|---|---|\n");
            foreach (var check in report.Regression.Checks)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(check.Check)} | {Format.Number(check.BaselineValue)} | {Format.Number(check.CandidateValue)} | {Format.Number(check.Change)} | {Format.Bounds(check)} | {Format.Allowed(check)} | {Status(check.Verdict)} | {Format.PValue(check.AdjustedP)} |\n");
            }

            md.Append('\n');
        }
    }

    /// <summary>Every limit and check that did not pass, at its YAML line.</summary>
    private static void Findings(StringBuilder md, ResultDocument report)
    {
        var problems = report.Findings.Select(f => $"`{Cell(f.Source.File)}:{f.Source.Line}` {f.Code} {Cell(f is CheckDecision check ? check.Check : f.Subject)}: {Cell(f.Message)}").ToList();
        foreach (var problem in problems)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {problem}\n");
        }

        if (problems.Count > 0)
        {
            md.Append('\n');
        }
    }

    /// <summary>The slices, folded.</summary>
    private static void Slices(StringBuilder md, ResultDocument report)
    {
        if (report.Slices?.Items is { Count: > 0 } slices)
        {
            md.Append("<details><summary>Slices</summary>\n\n| Slice | Examples | fpr | region.error_rate | Note |\n|---|---|---|---|---|\n");
            foreach (var slice in slices)
            {
                slice.Metrics.TryGetValue("fpr", out var fpr);
                slice.Metrics.TryGetValue("region.error_rate", out var region);
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(slice.Label)} | {slice.Count} | {Format.Number(fpr?.Value)} | {Format.Number(region?.Value)} | {Cell(slice.Note)} |\n");
            }

            md.Append("\n</details>\n\n");
        }
    }

    /// <summary>The suite's size and what changed in it, items folded.</summary>
    private static void Suite(StringBuilder md, ResultDocument report)
    {
        if (report.Suite is { } suite)
        {
            md.Append(CultureInfo.InvariantCulture, $"**Suite** `{Cell(suite.Path)}`: {suite.Active} active, {suite.Quarantined} quarantined, {suite.Rejected} rejected");
            md.Append(CultureInfo.InvariantCulture, $"; against the baseline {suite.Fixed.Count} fixed, {suite.Broken.Count} broken");
            if (suite.Mining is { } mining)
            {
                md.Append(CultureInfo.InvariantCulture, $"; mining added {mining.Added.Count(i => i.Status == "active")} active and {mining.Added.Count(i => i.Status == "quarantined")} quarantined, evicted {mining.Evicted.Count}");
            }

            md.Append(".\n\n");
            Items(md, "Broken (the baseline got them right)", suite.Broken);
            Items(md, "Fixed", suite.Fixed);
            Items(md, "Added by mining", suite.Mining?.Added ?? []);
        }
    }

    private static void Items(StringBuilder md, string title, IReadOnlyList<ItemRow> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"<details><summary>{title}: {items.Count}</summary>\n\n| Id | Class | Score | Status | Feature values that move its score most |\n|---|---|---|---|---|\n");
        foreach (var item in items.Take(ItemsShown))
        {
            var features = string.Join(", ", item.Features.Select(f => Cell(Format.Feature(f))));
            var status = item.Reason.Length > 0 ? $"{item.Status}: {Cell(item.Reason)}" : item.Status;
            md.Append(CultureInfo.InvariantCulture, $"| `{Cell(item.Id)}` | {(item.Positive ? "positive" : "negative")} | {Format.Number(item.Score)} | {status} | {features} |\n");
        }

        if (items.Count > ItemsShown)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n… and {items.Count - ItemsShown} more in the JSON result.\n");
        }

        md.Append("\n</details>\n\n");
    }

    private static string Status(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "✅ passed",
        Verdict.Failed => "❌ **failed**",
        _ => "⚠️ inconclusive",
    };

    /// <summary>
    /// Text from data or config inside a table cell: no table breaks (a '|' is escaped, which
    /// GitHub honours inside code spans too), no HTML, no code-span escapes (a backtick becomes
    /// a quote), no control characters (shown as their Unicode pictures).
    /// </summary>
    private static string Cell(string text) => VisibleText.Of(text)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("`", "'", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
