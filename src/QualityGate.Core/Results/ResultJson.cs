using System.Text.Json;
using System.Text.Json.Serialization;
using QualityGate.Errors;
using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>
/// Writes and reads <see cref="ResultDocument"/> as JSON through generated serializers: one
/// schema, in the types, for the writer and every reader. Deterministic: no timestamps, no
/// absolute paths, properties in declaration order, two-space indentation, a final newline.
/// </summary>
public static class ResultJson
{
    public static byte[] Serialize(ResultDocument document)
    {
        using var memory = new MemoryStream();
        Write(memory, document);
        return memory.ToArray();
    }

    /// <summary>Streams the document to its file: a large result is never held as bytes besides the document.</summary>
    public static void Write(Stream stream, ResultDocument document)
    {
        // A writer of our own over the stream, formatted as the serializer's options say, so the
        // long id lists can pass their bytes to the file as they go (ExampleIds.WriteTo).
        var options = ResultJsonContext.Default.Options;
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
            MaxDepth = options.MaxDepth,
        }))
        {
            JsonSerializer.Serialize(json, document, ResultJsonContext.Default.ResultDocument);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Reads a result written by any qgate of this schema version; anything else is a clear error naming the file.</summary>
    public static ResultDocument Read(byte[] json, string displayPath)
    {
        ResultDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ResultJsonContext.Default.ResultDocument);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is not a readable QualityGate result{where}: {e.Message}", new SourceLocation(displayPath, (int)(e.LineNumber + 1 ?? 0), 0), inner: e);
        }

        if (document?.Schema != ResultDocument.SchemaName)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is not a QualityGate result.", new SourceLocation(displayPath, 0, 0));
        }

        if (document.SchemaVersion > ResultDocument.CurrentVersion)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is a result of schema version {document.SchemaVersion}, written by a newer qgate; this one reads version {ResultDocument.CurrentVersion}.", new SourceLocation(displayPath, 0, 0), "Render it with the qgate that wrote it.");
        }

        if (document.MissingSection() is { } missing)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{displayPath}' is not a readable QualityGate result: it has no '{missing}'.", new SourceLocation(displayPath, 0, 0));
        }

        return WithSeverities(document);
    }

    /// <summary>Results written before decisions carried their severity get it from their verdict and the run's <c>inconclusive</c> policy.</summary>
    private static ResultDocument WithSeverities(ResultDocument document)
    {
        var policy = document.Statistics.Inconclusive == "fail" ? Configuration.InconclusivePolicy.Fail : Configuration.InconclusivePolicy.Warn;
        Severity Of(Verdict verdict, Severity written) => written == Severity.None ? Severities.Of(verdict, policy) : written;
        return document with
        {
            Limits = [.. document.Limits.Select(l => l with { Severity = Of(l.Verdict, l.Severity) })],
            Regression = document.Regression with { Checks = [.. document.Regression.Checks.Select(c => c with { Severity = Of(c.Verdict, c.Severity) })] },
        };
    }
}

/// <summary>
/// The generated serializers. Nullable annotations are enforced on reading (a null where the
/// schema has none is refused); a property a result of an older qgate lacks reads as null;
/// computed (get-only) properties are never written.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    Converters = [typeof(LowercaseEnum<Verdict>), typeof(LowercaseEnum<Severity>)])]
[JsonSerializable(typeof(ResultDocument))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;

/// <summary>Enum values as the JSON writes them: <c>passed</c>, <c>inconclusive</c>.</summary>
internal sealed class LowercaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
