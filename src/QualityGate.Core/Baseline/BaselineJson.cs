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

    /// <summary>
    /// Reads a baseline as it streams from the file: a 5M-row baseline is 37 MB of JSON, which
    /// read whole and parsed into a document held three times that at the run's start.
    /// </summary>
    public static BaselineDocument Read(string path, string displayPath)
    {
        BaselineFile? file;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            file = JsonSerializer.Deserialize(stream, BaselineFileContext.Default.BaselineFile);
        }
        catch (BaselineIdException e)
        {
            throw Invalid(displayPath, $"'{ListOf(e.Path)}' {e.Message}", e, Line(e));
        }
        catch (JsonException e) when (e.Path is { Length: > 1 } at && e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            throw Invalid(displayPath, $"a field has the wrong type ('{at.TrimStart('$', '.')}')", e, Line(e));
        }
        catch (JsonException e)
        {
            throw Invalid(displayPath, $"it is not valid JSON ({e.Message.Split(". ")[0]})", e, Line(e));
        }

        if (file?.Schema != Schema || file.SchemaVersion != SchemaVersion)
        {
            throw Invalid(displayPath, "it is not a version 1 QualityGate baseline", null, 1);
        }

        try
        {
            return Document(file);
        }
        catch (KeyNotFoundException e)
        {
            throw Invalid(displayPath, $"a field is missing ({e.Message})", e, 1);
        }
        catch (BaselineIdException e)
        {
            throw Invalid(displayPath, e.Message, e, 1);
        }
    }

    private static BaselineDocument Document(BaselineFile file)
    {
        var heldout = Required(file.Heldout, "heldout");
        var suite = file.Suite;
        return new BaselineDocument(
            Required(file.Model, "model").Path,
            file.Model!.Sha256,
            Required(Required(file.Hashes, "hashes").Heldout, "hashes.heldout"),
            file.Hashes!.Suite,
            Required(file.Hashes.Settings, "hashes.settings"),
            Required(Required(file.Threshold, "threshold").Value, "threshold.value"),
            Required(file.Threshold!.Source, "threshold.source"),
            Required(Required(file.Region, "region").Low, "region.low"),
            Required(file.Region!.High, "region.high"),
            [.. Required(file.Metrics, "metrics").Select(m => Required(m, "metrics[]")).Select(m => new BaselineMetric(Required(m.Set, "metrics[].set"), Required(m.Metric, "metrics[].metric"), Required(m.Value, "metrics[].value"), m.K, m.N))],
            new HeldoutOutcomes(
                Required(heldout.Rows, "heldout.rows"),
                Required(heldout.Negatives, "heldout.negatives"),
                Required(heldout.Positives, "heldout.positives"),
                new RowOutcomes(
                    Required(heldout.FalsePositives, "heldout.falsePositives").ToIds(),
                    Required(heldout.FalseNegatives, "heldout.falseNegatives").ToIds(),
                    Required(heldout.RegionNegatives, "heldout.regionNegatives").ToIds(),
                    Required(heldout.RegionPositives, "heldout.regionPositives").ToIds())),
            suite is null ? null : new SuiteOutcomes(Ids(suite.Items, "items"), Ids(suite.Wrong, "wrong"), Ids(suite.InRegion, "inRegion"), suite.Fingerprints is null ? null : Ids(suite.Fingerprints, "fingerprints")),
            file.Slices?.Select(s => Required(s, "slices[]")).Select(s => new BaselineSlice(Required(s.Set, "slices[].set"), Required(s.Name, "slices[].name"), Required(s.Rows, "slices[].rows"))).ToList());
    }

    private static T Required<T>(T? value, string name)
        where T : class => value ?? throw new KeyNotFoundException($"the file has no '{name}'");

    private static T Required<T>(T? value, string name)
        where T : struct => value ?? throw new KeyNotFoundException($"the file has no '{name}'");

    /// <summary>A suite list of ids, every one of them text.</summary>
    private static List<string> Ids(List<string>? ids, string name) =>
        Required(ids, $"suite.{name}").Contains(null!) ? throw new BaselineIdException($"'{name}' holds null where an example id belongs") : ids!;

    /// <summary>The list an id error is in, from the reader's path (<c>$.heldout.falsePositives[3]</c>).</summary>
    private static string ListOf(string? path) =>
        path is null ? "an id list" : path[(path.LastIndexOf('.') + 1)..].Split('[')[0];

    private static int Line(JsonException e) => e.LineNumber is { } line ? (int)line + 1 : 1;

    internal static DataException Invalid(string displayPath, string why, Exception? inner, int line = 0) =>
        new(ErrorCodes.BaselineInvalid, $"The baseline '{displayPath}' cannot be used: {why}.", new SourceLocation(displayPath, line, 0),
            "Restore it from version control, or write a new one with 'qgate bless'.", inner);

    private static void Ids(Utf8JsonWriter json, string name, IReadOnlyList<string> ids)
    {
        json.WritePropertyName(name);
        ExampleIds.WriteArray(json, ids);
    }
}
