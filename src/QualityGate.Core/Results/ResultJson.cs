using System.Text;
using System.Text.Json;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Metrics;

namespace QualityGate.Results;

/// <summary>
/// The JSON result: the contract every later surface reads (MSBuild diagnostics, reports,
/// baselines, merging). Versioned by <see cref="SchemaVersion"/>; byte-identical for identical
/// inputs: no timestamps, no absolute paths, properties in a fixed order, ids sorted.
/// </summary>
public static class ResultJson
{
    public const int SchemaVersion = 1;

    public static byte[] Serialize(GateResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(json, result);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string SerializeToString(GateResult result) => Encoding.UTF8.GetString(Serialize(result));

    private static void Write(Utf8JsonWriter json, GateResult result)
    {
        var config = result.Config;
        json.WriteStartObject();
        json.WriteString("schema", "qualitygate-result");
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("verdict", Name(result.Verdict));
        json.WriteNumber("exitCode", result.ExitCode);
        json.WriteString("config", Path.GetFileName(config.ConfigPath));

        json.WriteStartObject("model");
        json.WriteString("kind", result.Model.Kind);
        json.WriteString("path", result.Model.DisplayPath);
        json.WriteString("sha256", result.Model.Sha256);
        json.WriteString("loading", result.Model.Loading);
        json.WriteString("scoreColumn", result.Model.ScoreColumn);
        json.WriteBoolean("scoresAreProbabilities", result.Model.ScoresAreProbabilities);
        json.WriteEndObject();

        var point = result.OperatingPoint;
        json.WriteStartObject("threshold");
        Number(json, "value", point.Threshold);
        json.WriteString("source", point.ThresholdSource);
        json.WriteString("rule", "predicted positive iff score >= threshold");
        json.WriteEndObject();

        json.WriteStartObject("region");
        json.WriteString("kind", config.Region.Kind == RegionKind.Width ? "width" : "quantile");
        Number(json, "parameter", config.Region.Parameter);
        Number(json, "low", point.RegionLow);
        Number(json, "high", point.RegionHigh);
        json.WriteEndObject();

        var statistics = config.Statistics;
        json.WriteStartObject("statistics");
        json.WriteString("evidence", LimitEvaluator.YamlName(statistics.Evidence));
        Number(json, "confidence", statistics.Confidence);
        json.WriteString("bounds", "one-sided at the confidence, each");
        json.WriteString("interval", statistics.IntervalMethod == IntervalMethod.ClopperPearson ? "clopper_pearson" : "wilson");
        json.WriteNumber("minCount", statistics.MinCount);
        json.WriteNumber("bootstrapSamples", statistics.BootstrapSamples);
        json.WriteNumber("bootstrapSeed", statistics.BootstrapSeed);
        json.WriteString("inconclusive", statistics.Inconclusive.ToString().ToLowerInvariant());
        json.WriteString("multiplicity", statistics.Multiplicity.ToString().ToLowerInvariant());
        json.WriteEndObject();

        json.WriteStartArray("limits");
        foreach (var outcome in result.Limits)
        {
            WriteLimit(json, outcome, config);
        }

        json.WriteEndArray();

        RegressionJson.Write(json, result);
        SuiteJson.Write(json, result.Suite);

        json.WriteStartArray("dataSets");
        foreach (var set in result.Sets)
        {
            WriteSet(json, set);
        }

        json.WriteEndArray();

        SliceJson.Write(json, result);
        ExplainJson.Write(json, result.Explanation);
        WriteStrings(json, "warnings", result.Warnings);
        json.WriteEndObject();
    }

    private static void WriteLimit(Utf8JsonWriter json, LimitOutcome outcome, GateConfig config)
    {
        var limit = outcome.Limit;
        json.WriteStartObject();
        json.WriteString("dataSet", limit.DataSet);
        json.WriteString("metric", limit.Metric.ToString());
        NullableNumber(json, "min", limit.Min);
        NullableNumber(json, "max", limit.Max);
        json.WriteString("evidence", LimitEvaluator.YamlName(outcome.Evidence));
        json.WriteNumber("minCount", outcome.MinCount);
        json.WriteString("verdict", Name(outcome.Verdict));
        json.WriteString("code", outcome.Verdict == Verdict.Inconclusive ? Errors.ErrorCodes.LimitInconclusive : Errors.ErrorCodes.LimitBroken);
        json.WriteString("message", outcome.Message);
        NullableNumber(json, "decidedOn", outcome.DecidedOn);
        NullableNumber(json, "p", outcome.PValue);
        NullableNumber(json, "adjustedP", outcome.AdjustedPValue);
        if (outcome.Needed is { } needed)
        {
            json.WriteNumber("examplesNeeded", needed);
        }
        else
        {
            json.WriteNull("examplesNeeded");
        }

        if (outcome.Value is { } value)
        {
            json.WritePropertyName("value");
            WriteMetric(json, value);
        }
        else
        {
            json.WriteNull("value");
        }

        json.WriteStartObject("source");
        json.WriteString("file", config.Display(limit.Location.File));
        json.WriteNumber("line", limit.Location.Line);
        json.WriteNumber("column", limit.Location.Column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSet(Utf8JsonWriter json, SetEvaluation set)
    {
        json.WriteStartObject();
        json.WriteString("name", set.Name);
        json.WriteString("path", set.DisplayPath);
        WriteConfusion(json, "confusion", set.Confusion);
        WriteConfusion(json, "regionConfusion", set.Region);

        json.WriteStartObject("metrics");
        foreach (var metric in set.Metrics)
        {
            json.WritePropertyName(metric.Metric.ToString());
            WriteMetric(json, metric);
        }

        json.WriteEndObject();

        json.WriteStartObject("curves");
        WritePoints(json, "roc", set.Curves.Roc, "fpr", "tpr");
        WritePoints(json, "precisionRecall", set.Curves.PrecisionRecall, "recall", "precision");
        json.WriteEndObject();

        json.WriteStartObject("histogram");
        Number(json, "low", set.Histogram.Low);
        Number(json, "high", set.Histogram.High);
        WriteCounts(json, "positives", set.Histogram.Positives);
        WriteCounts(json, "negatives", set.Histogram.Negatives);
        json.WriteEndObject();

        json.WriteStartObject("examples");
        WriteStrings(json, "wrong", set.WrongIds);
        WriteStrings(json, "inRegion", set.RegionIds);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal static void WriteMetric(Utf8JsonWriter json, MetricValue metric)
    {
        json.WriteStartObject();
        Number(json, "value", metric.Value);
        if (metric.Successes is { } k)
        {
            json.WriteNumber("k", k);
            json.WriteNumber("n", metric.Trials!.Value);
        }

        Number(json, "lower", metric.Bounds.Lower);
        Number(json, "upper", metric.Bounds.Upper);
        json.WriteString("method", metric.Method);
        if (metric.Unavailable is { } reason)
        {
            json.WriteString("unavailable", reason);
        }

        json.WriteEndObject();
    }

    private static void WriteConfusion(Utf8JsonWriter json, string name, ConfusionCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("truePositives", counts.TruePositives);
        json.WriteNumber("falsePositives", counts.FalsePositives);
        json.WriteNumber("trueNegatives", counts.TrueNegatives);
        json.WriteNumber("falseNegatives", counts.FalseNegatives);
        json.WriteEndObject();
    }

    private static void WritePoints(Utf8JsonWriter json, string name, IReadOnlyList<CurvePoint> points, string x, string y)
    {
        json.WriteStartArray(name);
        foreach (var point in points)
        {
            json.WriteStartObject();
            Number(json, x, point.X);
            Number(json, y, point.Y);
            Number(json, "threshold", point.Threshold);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<long> counts)
    {
        json.WriteStartArray(name);
        foreach (var count in counts)
        {
            json.WriteNumberValue(count);
        }

        json.WriteEndArray();
    }

    internal static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>JSON has no NaN: an unknown number is null.</summary>
    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static void NullableNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            Number(json, name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
