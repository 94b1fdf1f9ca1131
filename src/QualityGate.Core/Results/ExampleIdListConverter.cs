using System.Text.Json;
using System.Text.Json.Serialization;
using QualityGate.Identity;

namespace QualityGate.Results;

/// <summary>
/// A list of example ids in a result: written as a JSON array of strings, the same bytes as the
/// generated serializer's, but an <see cref="ExampleIds"/> writes its hash ids without making a
/// string for each; read back as plain strings.
/// </summary>
public sealed class ExampleIdListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A list of example ids must be an array, not {reader.TokenType}.");
        }

        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"An example id must be a string, not {reader.TokenType}."));
        }

        return ids;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) => ExampleIds.WriteArray(writer, value);
}
