using System.Text.Json;
using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>The <c>suite</c> section of the JSON result: size, items fixed and broken, what mining changed, file hashes.</summary>
internal static class SuiteJson
{
    public static void Write(Utf8JsonWriter json, SuiteReport? suite)
    {
        if (suite is null)
        {
            json.WriteNull("suite");
            return;
        }

        json.WriteStartObject("suite");
        json.WriteString("path", suite.DisplayPath);
        json.WriteNumber("active", suite.Active);
        json.WriteNumber("quarantined", suite.Quarantined);
        json.WriteNumber("rejected", suite.Rejected);
        json.WriteString("hashBefore", suite.HashBefore);
        json.WriteString("hashAfter", suite.HashAfter);
        Items(json, "fixed", suite.Fixed);
        Items(json, "broken", suite.Broken);
        ResultJson.WriteStrings(json, "pinProposals", suite.PinProposals);
        if (suite.Mining is { } mining)
        {
            json.WriteStartObject("mining");
            json.WriteNumber("candidates", mining.Candidates);
            json.WriteNumber("alreadyInSuite", mining.AlreadyInSuite);
            Items(json, "added", suite.Added);
            ResultJson.WriteStrings(json, "evicted", [.. mining.Evicted.Select(i => i.Id)]);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("mining");
        }

        json.WriteEndObject();
    }

    private static void Items(Utf8JsonWriter json, string name, IReadOnlyList<ReportedItem> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("id", item.Id);
            json.WriteBoolean("positive", item.Positive);
            ResultJson.Number(json, "score", item.Score);
            json.WriteString("status", item.Status);
            json.WriteString("source", item.Source);
            json.WriteString("reason", item.Reason);
            json.WriteStartArray("features");
            foreach (var feature in item.Features)
            {
                json.WriteStartObject();
                json.WriteString("name", feature.Name);
                json.WriteString("value", feature.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
