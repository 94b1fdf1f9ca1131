using System.Text.Json;
using QualityGate.Errors;

namespace QualityGate.Reports;

/// <summary>
/// What every report shows, read back from the JSON result, so a CI job can gate once and render
/// later (<c>qgate report</c>) and the reports of a run never disagree with its JSON.
/// </summary>
public sealed record ReportData(
    string Verdict,
    int ExitCode,
    string Config,
    string Model,
    string ScoreColumn,
    double Threshold,
    string ThresholdSource,
    double RegionLow,
    double RegionHigh,
    double Confidence,
    IReadOnlyList<LimitRow> Limits,
    string? Baseline,
    IReadOnlyList<RegressionRow> Regression,
    SuiteSection? Suite,
    IReadOnlyList<SetSection> Sets,
    IReadOnlyList<string> Warnings,
    ExplainSection? Explain = null,
    IReadOnlyList<SliceRow>? Slices = null)
{
    public static ReportData Parse(byte[] json, string displayPath)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("schema").GetString() != "qualitygate-result")
            {
                throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is not a QualityGate result.", new SourceLocation(displayPath, 0, 0));
            }

            var threshold = root.GetProperty("threshold");
            var region = root.GetProperty("region");
            var model = root.GetProperty("model");
            var regression = root.GetProperty("regression");
            return new ReportData(
                root.GetProperty("verdict").GetString()!,
                root.GetProperty("exitCode").GetInt32(),
                root.GetProperty("config").GetString()!,
                model.GetProperty("path").GetString() ?? "precomputed scores",
                model.GetProperty("scoreColumn").GetString()!,
                threshold.GetProperty("value").GetDouble(),
                threshold.GetProperty("source").GetString()!,
                region.GetProperty("low").GetDouble(),
                region.GetProperty("high").GetDouble(),
                root.GetProperty("statistics").GetProperty("confidence").GetDouble(),
                [.. root.GetProperty("limits").EnumerateArray().Select(LimitRow.Read)],
                regression.GetProperty("baseline").GetString(),
                [.. regression.GetProperty("checks").EnumerateArray().Select(RegressionRow.Read)],
                root.GetProperty("suite").ValueKind == JsonValueKind.Null ? null : SuiteSection.Read(root.GetProperty("suite")),
                [.. root.GetProperty("dataSets").EnumerateArray().Select(SetSection.Read)],
                [.. root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)],
                ExplainSection.Read(root),
                SliceRow.ReadAll(root));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is not a readable QualityGate result: {e.Message}", new SourceLocation(displayPath, 0, 0), inner: e);
        }
    }

    internal static double? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

/// <summary>A metric value with its counts and bounds.</summary>
public sealed record MetricCell(double? Value, long? K, long? N, double? Lower, double? Upper, string Method)
{
    public static MetricCell? Read(JsonElement element) => element.ValueKind != JsonValueKind.Object ? null : new(
        ReportData.Number(element, "value"),
        element.TryGetProperty("k", out var k) ? k.GetInt64() : null,
        element.TryGetProperty("n", out var n) ? n.GetInt64() : null,
        ReportData.Number(element, "lower"),
        ReportData.Number(element, "upper"),
        element.GetProperty("method").GetString()!);
}

public sealed record LimitRow(string DataSet, string Metric, double? Min, double? Max, string Evidence, string Verdict, string Code, string Message, MetricCell? Value, string File, int Line, int Column)
{
    /// <summary>The decision's p-value after the run's family-wise correction; null where none was computed.</summary>
    public double? AdjustedP { get; init; }

    public static LimitRow Read(JsonElement e)
    {
        var source = e.GetProperty("source");
        return new LimitRow(
            e.GetProperty("dataSet").GetString()!, e.GetProperty("metric").GetString()!, ReportData.Number(e, "min"), ReportData.Number(e, "max"),
            e.GetProperty("evidence").GetString()!, e.GetProperty("verdict").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!,
            MetricCell.Read(e.GetProperty("value")), source.GetProperty("file").GetString()!, source.GetProperty("line").GetInt32(), source.GetProperty("column").GetInt32())
        {
            AdjustedP = ReportData.Number(e, "adjustedP"),
        };
    }
}

public sealed record RegressionRow(string Check, string Basis, string Evidence, bool Decrease, double? Baseline, double? Candidate, double? Change, double? Lower, double? Upper, double? Allowed, string Verdict, string Code, string Message, string File, int Line, int Column)
{
    /// <summary>The check's p-value after the run's family-wise correction; null where none was computed.</summary>
    public double? AdjustedP { get; init; }

    public static RegressionRow Read(JsonElement e)
    {
        var source = e.GetProperty("source");
        return new RegressionRow(
            e.GetProperty("check").GetString()!, e.GetProperty("basis").GetString()!, e.GetProperty("evidence").GetString()!,
            ReportData.Number(e, "maxDecrease") is not null,
            ReportData.Number(e, "baselineValue"), ReportData.Number(e, "candidateValue"), ReportData.Number(e, "change"),
            ReportData.Number(e, "changeLower"), ReportData.Number(e, "changeUpper"), ReportData.Number(e, "allowed"),
            e.GetProperty("verdict").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!,
            source.GetProperty("file").GetString()!, source.GetProperty("line").GetInt32(), source.GetProperty("column").GetInt32())
        {
            AdjustedP = ReportData.Number(e, "adjustedP"),
        };
    }
}

public sealed record ItemRow(string Id, bool Positive, double? Score, string Status, string Source, string Reason, IReadOnlyList<(string Name, string Value)> Features)
{
    public static ItemRow Read(JsonElement e) => new(
        e.GetProperty("id").GetString()!, e.GetProperty("positive").GetBoolean(), ReportData.Number(e, "score"),
        e.GetProperty("status").GetString()!, e.GetProperty("source").GetString()!, e.GetProperty("reason").GetString()!,
        [.. e.GetProperty("features").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("value").GetString()!))]);
}

public sealed record SuiteSection(string Path, int Active, int Quarantined, int Rejected, IReadOnlyList<ItemRow> Fixed, IReadOnlyList<ItemRow> Broken, IReadOnlyList<ItemRow>? Added, IReadOnlyList<string> Evicted)
{
    public static SuiteSection Read(JsonElement e)
    {
        var mining = e.GetProperty("mining");
        var mined = mining.ValueKind == JsonValueKind.Object;
        return new SuiteSection(
            e.GetProperty("path").GetString()!, e.GetProperty("active").GetInt32(), e.GetProperty("quarantined").GetInt32(), e.GetProperty("rejected").GetInt32(),
            [.. e.GetProperty("fixed").EnumerateArray().Select(ItemRow.Read)],
            [.. e.GetProperty("broken").EnumerateArray().Select(ItemRow.Read)],
            mined ? [.. mining.GetProperty("added").EnumerateArray().Select(ItemRow.Read)] : null,
            mined ? [.. mining.GetProperty("evicted").EnumerateArray().Select(i => i.GetString()!)] : []);
    }
}

public sealed record CurvePoint(double X, double Y);

public sealed record SetSection(
    string Name,
    string Path,
    long Positives,
    long Negatives,
    IReadOnlyDictionary<string, MetricCell> Metrics,
    IReadOnlyList<CurvePoint> Roc,
    IReadOnlyList<CurvePoint> PrecisionRecall,
    double HistogramLow,
    double HistogramHigh,
    IReadOnlyList<long> PositiveCounts,
    IReadOnlyList<long> NegativeCounts)
{
    public static SetSection Read(JsonElement e)
    {
        var confusion = e.GetProperty("confusion");
        var curves = e.GetProperty("curves");
        var histogram = e.GetProperty("histogram");
        return new SetSection(
            e.GetProperty("name").GetString()!,
            e.GetProperty("path").GetString()!,
            confusion.GetProperty("truePositives").GetInt64() + confusion.GetProperty("falseNegatives").GetInt64(),
            confusion.GetProperty("falsePositives").GetInt64() + confusion.GetProperty("trueNegatives").GetInt64(),
            e.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => MetricCell.Read(p.Value)!, StringComparer.Ordinal),
            [.. curves.GetProperty("roc").EnumerateArray().Select(p => new CurvePoint(p.GetProperty("fpr").GetDouble(), p.GetProperty("tpr").GetDouble()))],
            [.. curves.GetProperty("precisionRecall").EnumerateArray().Select(p => new CurvePoint(p.GetProperty("recall").GetDouble(), p.GetProperty("precision").GetDouble()))],
            histogram.GetProperty("low").GetDouble(),
            histogram.GetProperty("high").GetDouble(),
            [.. histogram.GetProperty("positives").EnumerateArray().Select(c => c.GetInt64())],
            [.. histogram.GetProperty("negatives").EnumerateArray().Select(c => c.GetInt64())]);
    }
}
