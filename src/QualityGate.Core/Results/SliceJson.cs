using System.Text.Json;
using QualityGate.Configuration;
using QualityGate.Slices;

namespace QualityGate.Results;

/// <summary>The <c>slices</c> section of the JSON result: every slice with its status, size and key rates; null without <c>slices</c>.</summary>
internal static class SliceJson
{
    /// <summary>The rates a slice table shows; every limit on a slice is in <c>limits</c> besides.</summary>
    public static readonly string[] Shown = ["fpr", "fnr", "recall", "region.share", "region.fpr", "region.fnr", "region.error_rate"];

    public static void Write(Utf8JsonWriter json, Gate.GateResult result)
    {
        var (settings, slices) = (result.Config.Slices, result.Slices);
        if (settings is null)
        {
            json.WriteNull("slices");
            return;
        }

        json.WriteStartObject("slices");
        json.WriteNumber("minSize", settings.MinSize);
        json.WriteStartArray("items");
        foreach (var slice in slices)
        {
            json.WriteStartObject();
            json.WriteString("dataSet", slice.DataSet);
            json.WriteString("column", slice.Column);
            json.WriteString("name", slice.Name);
            json.WriteString("status", slice.Status.ToString().ToLowerInvariant());
            json.WriteNumber("count", slice.Count);
            json.WriteNumber("positives", slice.Positives);
            json.WriteBoolean("tooSmall", slice.TooSmall);
            json.WriteString("verdict", result.VerdictOf(slice.Label) is { } verdict ? ResultJson.Name(verdict) : null);
            json.WriteString("note", slice.Note);
            json.WriteStartObject("metrics");
            foreach (var metric in Shown.Select(name => slice.Evaluation?.Find(new MetricName(name))).OfType<Metrics.MetricValue>())
            {
                json.WritePropertyName(metric.Metric.ToString());
                ResultJson.WriteMetric(json, metric);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
