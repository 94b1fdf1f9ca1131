using System.Runtime.InteropServices;
using System.Text.Json;
using QualityGate.Errors;
using QualityGate.Identity;
using QualityGate.Metrics;

namespace QualityGate.Baseline;

/// <summary>Reads and writes <see cref="BaselineDocument"/> as deterministic, reviewable JSON.</summary>
public static class BaselineJson
{
    public const string Schema = "qualitygate-baseline";
    public const int SchemaVersion = 1;

    public static byte[] Serialize(BaselineDocument baseline)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("model");
            json.WriteString("path", baseline.ModelPath);
            json.WriteString("sha256", baseline.ModelSha256);
            json.WriteEndObject();
            json.WriteStartObject("hashes");
            json.WriteString("heldout", baseline.HeldoutSha256);
            json.WriteString("suite", baseline.SuiteSha256);
            json.WriteString("settings", baseline.SettingsHash);
            json.WriteEndObject();
            json.WriteStartObject("threshold");
            json.WriteNumber("value", baseline.Threshold);
            json.WriteString("source", baseline.ThresholdSource);
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("low", baseline.RegionLow);
            json.WriteNumber("high", baseline.RegionHigh);
            json.WriteEndObject();

            WriteMetrics(json, baseline.Metrics);
            WriteOutcomes(json, baseline);

            // Written only by a config with slices, so baselines without them keep their bytes.
            if (baseline.Slices is { } slices)
            {
                json.WriteStartArray("slices");
                foreach (var slice in slices)
                {
                    json.WriteStartObject();
                    json.WriteString("set", slice.DataSet);
                    json.WriteString("name", slice.Name);
                    json.WriteNumber("rows", slice.Rows);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteMetrics(Utf8JsonWriter json, IReadOnlyList<BaselineMetric> metrics)
    {
        json.WriteStartArray("metrics");
        foreach (var metric in metrics)
        {
            json.WriteStartObject();
            json.WriteString("set", metric.DataSet);
            json.WriteString("metric", metric.Metric);
            json.WriteNumber("value", metric.Value);
            if (metric.K is { } k)
            {
                json.WriteNumber("k", k);
                json.WriteNumber("n", metric.N!.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The blessed model's per-example outcomes: held-out row counts and ids, and the suite's items.</summary>
    private static void WriteOutcomes(Utf8JsonWriter json, BaselineDocument baseline)
    {
        var heldout = baseline.Heldout;
        json.WriteStartObject("heldout");
        json.WriteNumber("rows", heldout.Rows);
        json.WriteNumber("negatives", heldout.Negatives);
        json.WriteNumber("positives", heldout.Positives);
        Ids(json, "falsePositives", heldout.Outcomes.FalsePositives);
        Ids(json, "falseNegatives", heldout.Outcomes.FalseNegatives);
        Ids(json, "regionNegatives", heldout.Outcomes.RegionNegatives);
        Ids(json, "regionPositives", heldout.Outcomes.RegionPositives);
        json.WriteEndObject();

        if (baseline.Suite is { } suite)
        {
            json.WriteStartObject("suite");
            Ids(json, "items", suite.Items);
            Ids(json, "wrong", suite.Wrong);
            Ids(json, "inRegion", suite.InRegion);
            if (suite.Fingerprints is { } fingerprints)
            {
                Ids(json, "fingerprints", fingerprints);
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("suite");
        }
    }

    public static BaselineDocument Read(string path, string displayPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("schema").GetString() != Schema || root.GetProperty("schemaVersion").GetInt32() != SchemaVersion)
            {
                throw Invalid(displayPath, "it is not a version 1 QualityGate baseline", null, 1);
            }

            var heldout = root.GetProperty("heldout");
            var suite = root.GetProperty("suite");
            return new BaselineDocument(
                root.GetProperty("model").GetProperty("path").GetString(),
                root.GetProperty("model").GetProperty("sha256").GetString(),
                root.GetProperty("hashes").GetProperty("heldout").GetString()!,
                root.GetProperty("hashes").GetProperty("suite").GetString(),
                root.GetProperty("hashes").GetProperty("settings").GetString()!,
                root.GetProperty("threshold").GetProperty("value").GetDouble(),
                root.GetProperty("threshold").GetProperty("source").GetString()!,
                root.GetProperty("region").GetProperty("low").GetDouble(),
                root.GetProperty("region").GetProperty("high").GetDouble(),
                [.. root.GetProperty("metrics").EnumerateArray().Select(m => new BaselineMetric(
                    m.GetProperty("set").GetString()!,
                    m.GetProperty("metric").GetString()!,
                    m.GetProperty("value").GetDouble(),
                    m.TryGetProperty("k", out var k) ? k.GetInt64() : null,
                    m.TryGetProperty("n", out var n) ? n.GetInt64() : null))],
                new HeldoutOutcomes(
                    heldout.GetProperty("rows").GetInt64(),
                    heldout.GetProperty("negatives").GetInt64(),
                    heldout.GetProperty("positives").GetInt64(),
                    new RowOutcomes(HeldoutIds(heldout, "falsePositives"), HeldoutIds(heldout, "falseNegatives"), HeldoutIds(heldout, "regionNegatives"), HeldoutIds(heldout, "regionPositives"))),
                suite.ValueKind == JsonValueKind.Null ? null : new SuiteOutcomes(Ids(suite, "items"), Ids(suite, "wrong"), Ids(suite, "inRegion"), suite.TryGetProperty("fingerprints", out _) ? Ids(suite, "fingerprints") : null),
                root.TryGetProperty("slices", out var slices)
                    ? [.. slices.EnumerateArray().Select(s => new BaselineSlice(s.GetProperty("set").GetString()!, s.GetProperty("name").GetString()!, s.GetProperty("rows").GetInt64()))]
                    : null);
        }
        catch (JsonException e)
        {
            throw Invalid(displayPath, $"it is not valid JSON ({e.Message.Split(". ")[0]})", e, e.LineNumber is { } line ? (int)line + 1 : 1);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Invalid(displayPath, $"a field is missing or has the wrong type ({e.Message})", e, 1);
        }
    }

    internal static DataException Invalid(string displayPath, string why, Exception? inner, int line = 0) =>
        new(ErrorCodes.BaselineInvalid, $"The baseline '{displayPath}' cannot be used: {why}.", new SourceLocation(displayPath, line, 0),
            "Restore it from version control, or write a new one with 'qgate bless'.", inner);

    private static void Ids(Utf8JsonWriter json, string name, IReadOnlyList<string> ids)
    {
        json.WriteStartArray(name);
        if (ids is ExampleIds compact)
        {
            compact.WriteTo(json);
        }
        else
        {
            foreach (var id in ids)
            {
                json.WriteStringValue(id);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The held-out rows' ids, often hundreds of thousands: hash ids are read as values straight
    /// from the file's bytes, never as strings; an id column's text is read as text.
    /// </summary>
    private static ExampleIds HeldoutIds(JsonElement parent, string name)
    {
        var array = parent.GetProperty(name);
        var hashes = new UInt128[array.GetArrayLength()];
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            // The raw value is the quoted text as written; an escaped or other id is no plain hash.
            if (element.ValueKind != JsonValueKind.String || !ExampleIds.TryParseHash(JsonMarshal.GetRawUtf8Value(element)[1..^1], out hashes[index++]))
            {
                return ExampleIds.Of(Ids(parent, name));
            }
        }

        return ExampleIds.OfHashes(hashes);
    }

    private static List<string> Ids(JsonElement parent, string name) =>
        [.. parent.GetProperty(name).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new FormatException($"'{name}' holds {e.ValueKind.ToString().ToLowerInvariant()} where an example id belongs"))];
}
