using System.Text.Json;
using QualityGate.Gate;
using QualityGate.Suite;

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
        Changes(json, "fixed", suite.Fixed);
        Changes(json, "broken", suite.Broken);
        if (suite.Mining is { } mining)
        {
            json.WriteStartObject("mining");
            json.WriteNumber("candidates", mining.Candidates);
            json.WriteNumber("alreadyInSuite", mining.AlreadyInSuite);
            json.WriteStartArray("added");
            foreach (var item in mining.Added)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("status", SuiteColumns.StatusName(item.Status));
                json.WriteBoolean("positive", item.Positive);
                ResultJson.Number(json, "score", item.ScoreWhenMined);
                json.WriteString("source", item.Source);
                json.WriteString("reason", item.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            ResultJson.WriteStrings(json, "evicted", [.. mining.Evicted.Select(i => i.Id)]);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("mining");
        }

        json.WriteEndObject();
    }

    private static void Changes(Utf8JsonWriter json, string name, IReadOnlyList<SuiteItemChange> changes)
    {
        json.WriteStartArray(name);
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("id", change.Id);
            json.WriteBoolean("positive", change.Positive);
            ResultJson.Number(json, "score", change.CandidateScore);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
