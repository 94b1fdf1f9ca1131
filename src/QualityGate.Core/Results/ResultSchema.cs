using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace QualityGate.Results;

/// <summary>
/// The JSON Schema of <c>qualitygate-result.json</c>, generated from <see cref="ResultDocument"/>
/// itself, so it cannot drift from what qgate writes. Published in <c>docs/schemas/</c>; a test
/// keeps the published copy equal to this.
/// </summary>
public static class ResultSchema
{
    public const string FileName = "qualitygate-result.schema.json";

    /// <summary>
    /// Properties a valid result may lack: those written only when they hold something (a rate's
    /// counts, why a metric is unavailable), and those version-1 results written before they
    /// were added.
    /// </summary>
    private static readonly Dictionary<Type, string[]> Optional = new()
    {
        [typeof(MetricCell)] = ["k", "n", "unavailable"],
        [typeof(LimitDecision)] = ["p", "adjustedP", "severity"],
        [typeof(CheckDecision)] = ["p", "adjustedP", "severity"],
        [typeof(StatisticsSection)] = ["multiplicity"],
        [typeof(SuiteSection)] = ["pinProposals"],
        [typeof(ExplainSection)] = ["top"],
        [typeof(ResultDocument)] = ["slices", "explain"],
    };

    public static string Text { get; } = Generate();

    private static string Generate()
    {
        var options = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = LeaveOptionalOut };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(ResultJsonContext.Default.ResultDocument, options);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "qualitygate-result.json",
            ["description"] = $"The result of a qgate run, schema version {ResultDocument.CurrentVersion}: every surface (console, MSBuild, JUnit, Markdown, HTML) renders this document.",
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(key);
            root[key] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonNode LeaveOptionalOut(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (Optional.TryGetValue(context.TypeInfo.Type, out var names) && schema["required"] is JsonArray required)
        {
            foreach (var name in names)
            {
                required.Remove(required.FirstOrDefault(n => n?.GetValue<string>() == name));
            }
        }

        return schema;
    }
}
