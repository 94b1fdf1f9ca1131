using System.Text.Json;
using QualityGate.Errors;
using QualityGate.Metrics;

namespace QualityGate.Shards;

/// <summary>The partial result file: versioned JSON, byte-identical for identical inputs.</summary>
public static class PartialJson
{
    private const string Schema = "qualitygate-partial";
    private const int SchemaVersion = 1;

    public static byte[] Serialize(PartialResult partial)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("shard", partial.Shard.ToString());
            json.WriteString("settings", partial.Settings);
            if (partial.Point is { } point)
            {
                json.WriteStartObject("operatingPoint");
                json.WriteNumber("threshold", point.Threshold);
                json.WriteNumber("regionLow", point.RegionLow);
                json.WriteNumber("regionHigh", point.RegionHigh);
                json.WriteString("source", point.ThresholdSource);
                json.WriteEndObject();
            }

            json.WriteString("heldout", partial.HeldoutPath);
            json.WriteStartArray("bins");
            foreach (var (score, positives, negatives) in partial.Bins)
            {
                json.WriteStartArray();
                json.WriteNumberValue(score);
                json.WriteNumberValue(positives);
                json.WriteNumberValue(negatives);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("identified");
            foreach (var row in partial.Identified)
            {
                json.WriteStartArray();
                json.WriteStringValue(row.Id);
                json.WriteNumberValue(row.Score);
                json.WriteBooleanValue(row.Positive);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            if (partial.Mining is { } mining)
            {
                WriteMining(json, mining);
            }

            if (partial.HeldoutParts is { } parts)
            {
                json.WriteStartArray("heldoutParts");
                foreach (var part in parts)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(part.Part);
                    json.WriteStringValue(part.Sha256);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static PartialResult Read(string path, string display)
    {
        try
        {
            Storage.InputFile.RequireRegular(path, display, "partial result", new Errors.SourceLocation(display, 0, 0));
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != Schema)
            {
                throw Invalid(display, "it is not a partial result written by 'qgate check --shard'");
            }

            if (root.GetProperty("schemaVersion").GetInt32() != SchemaVersion)
            {
                throw Invalid(display, $"it has schema version {root.GetProperty("schemaVersion").GetInt32()}; this qgate reads version {SchemaVersion}");
            }

            OperatingPoint? point = root.TryGetProperty("operatingPoint", out var p)
                ? new OperatingPoint(p.GetProperty("threshold").GetDouble(), p.GetProperty("regionLow").GetDouble(), p.GetProperty("regionHigh").GetDouble(), p.GetProperty("source").GetString()!)
                : null;
            var bins = root.GetProperty("bins").EnumerateArray().Select(b => (b[0].GetDouble(), b[1].GetInt64(), b[2].GetInt64())).ToList();
            var identified = root.GetProperty("identified").EnumerateArray().Select(r => new IdentifiedRow(r[0].GetString()!, r[1].GetDouble(), r[2].GetBoolean())).ToList();
            var mining = root.TryGetProperty("mining", out var m) ? ReadMining(m) : null;
            List<Baseline.PartHash>? parts = root.TryGetProperty("heldoutParts", out var h)
                ? [.. h.EnumerateArray().Select(r => new Baseline.PartHash(r[0].GetString()!, r[1].GetString()!))]
                : null;
            return new PartialResult(ShardSpec.Parse(root.GetProperty("shard").GetString()!), root.GetProperty("settings").GetString()!, point,
                root.GetProperty("heldout").GetString()!, bins, identified, mining, parts);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ConfigurationException)
        {
            throw Invalid(display, e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"The partial result '{display}' cannot be read: {e.Message}", new SourceLocation(display, 0, 0), inner: e);
        }
    }

    private static void WriteMining(Utf8JsonWriter json, PartialMining mining)
    {
        json.WriteStartObject("mining");
        json.WriteNumber("candidateRows", mining.CandidateRows);
        json.WriteNumber("alreadyInSuite", mining.AlreadyInSuite);
        json.WriteStartArray("candidates");
        foreach (var c in mining.Candidates)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Id);
            json.WriteBoolean("positive", c.Positive);
            json.WriteNumber("score", c.Score);
            json.WriteNumber("hardness", c.Hardness);
            json.WriteString("source", c.Source);
            json.WriteNumber("sourceIndex", c.SourceIndex);
            json.WriteString("file", c.LocationFile);
            json.WriteNumber("line", c.LocationLine);
            if (c.Conflict is not null)
            {
                json.WriteString("conflict", c.Conflict);
            }

            json.WriteStartArray("fields");
            foreach (var field in c.Fields)
            {
                json.WriteStringValue(field);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static PartialMining ReadMining(JsonElement m) => new(
        m.GetProperty("candidateRows").GetInt32(),
        m.GetProperty("alreadyInSuite").GetInt32(),
        [.. m.GetProperty("candidates").EnumerateArray().Select(c => new PartialCandidate(
            c.GetProperty("id").GetString()!,
            c.GetProperty("positive").GetBoolean(),
            c.GetProperty("score").GetDouble(),
            c.GetProperty("hardness").GetDouble(),
            c.GetProperty("source").GetString()!,
            c.GetProperty("sourceIndex").GetInt32(),
            c.GetProperty("file").GetString()!,
            c.GetProperty("line").GetInt32(),
            c.TryGetProperty("conflict", out var conflict) ? conflict.GetString() : null,
            [.. c.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!)]))]);

    private static DataException Invalid(string display, string why, Exception? inner = null) =>
        new(ErrorCodes.DataUnreadable, $"'{display}' is not a valid partial result: {why}.", new SourceLocation(display, 0, 0), "Write partial results with 'qgate check --shard i/n' of this version.", inner);
}
