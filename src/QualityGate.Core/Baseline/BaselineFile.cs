using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using QualityGate.Identity;

namespace QualityGate.Baseline;

/// <summary>
/// The baseline file's shape, as the streaming reader fills it: every field optional here, so a
/// file of another kind is told apart from a file with a field missing, each in its own words.
/// The held-out ids (hundreds of thousands at a million rows) go straight into 128-bit values.
/// </summary>
internal sealed class BaselineFile
{
    public string? Schema { get; set; }

    public int? SchemaVersion { get; set; }

    public ModelPart? Model { get; set; }

    public HashesPart? Hashes { get; set; }

    public ThresholdPart? Threshold { get; set; }

    public RegionPart? Region { get; set; }

    public List<MetricPart>? Metrics { get; set; }

    public HeldoutPart? Heldout { get; set; }

    public SuitePart? Suite { get; set; }

    public List<SlicePart>? Slices { get; set; }

    internal sealed class ModelPart
    {
        public string? Path { get; set; }

        public string? Sha256 { get; set; }
    }

    internal sealed class HashesPart
    {
        public string? Heldout { get; set; }

        public string? Suite { get; set; }

        public string? Settings { get; set; }
    }

    internal sealed class ThresholdPart
    {
        public double? Value { get; set; }

        public string? Source { get; set; }
    }

    internal sealed class RegionPart
    {
        public double? Low { get; set; }

        public double? High { get; set; }
    }

    internal sealed class MetricPart
    {
        public string? Set { get; set; }

        public string? Metric { get; set; }

        public double? Value { get; set; }

        public long? K { get; set; }

        public long? N { get; set; }
    }

    internal sealed class HeldoutPart
    {
        public long? Rows { get; set; }

        public long? Negatives { get; set; }

        public long? Positives { get; set; }

        public HeldoutIdList? FalsePositives { get; set; }

        public HeldoutIdList? FalseNegatives { get; set; }

        public HeldoutIdList? RegionNegatives { get; set; }

        public HeldoutIdList? RegionPositives { get; set; }
    }

    internal sealed class SuitePart
    {
        public List<string>? Items { get; set; }

        public List<string>? Wrong { get; set; }

        public List<string>? InRegion { get; set; }

        public List<string>? Fingerprints { get; set; }
    }

    internal sealed class SlicePart
    {
        public string? Set { get; set; }

        public string? Name { get; set; }

        public long? Rows { get; set; }
    }
}

/// <summary>One held-out id as read: a hash id as its value, any other text as text.</summary>
[JsonConverter(typeof(BaselineIdConverter))]
internal readonly record struct BaselineId(UInt128 Hash, string? Text);

/// <summary>
/// The held-out ids of one list as they stream in: hash ids as 16-byte values, kept as text only
/// if one of them is not a plain hash id (then all are, and the list is text, as a run writes it).
/// </summary>
internal sealed class HeldoutIdList : ICollection<BaselineId>
{
    private UInt128[] _hashes = new UInt128[256];
    private List<string>? _texts;
    private int _count;

    public int Count => _count;

    public bool IsReadOnly => false;

    public void Add(BaselineId id)
    {
        if (id.Text is not null && _texts is null)
        {
            // The first id that is no hash: every id so far becomes text, as in a list of text ids.
            _texts = [.. _hashes.Take(_count).Select(ExampleIdentity.Format)];
        }

        if (_texts is not null)
        {
            _texts.Add(id.Text ?? ExampleIdentity.Format(id.Hash));
        }
        else
        {
            if (_count == _hashes.Length)
            {
                Array.Resize(ref _hashes, _hashes.Length * 2);
            }

            _hashes[_count] = id.Hash;
        }

        _count++;
    }

    public ExampleIds ToIds() => _texts is not null ? ExampleIds.Of(_texts) : ExampleIds.OfHashes(_hashes[.._count]);

    public void Clear() => throw new NotSupportedException();

    public bool Contains(BaselineId item) => throw new NotSupportedException();

    public void CopyTo(BaselineId[] array, int arrayIndex) => throw new NotSupportedException();

    public bool Remove(BaselineId item) => throw new NotSupportedException();

    /// <summary>The ids read so far (the reader counts them to say where an error is).</summary>
    public IEnumerator<BaselineId> GetEnumerator() => _texts is not null
        ? _texts.Select(text => new BaselineId(default, text)).GetEnumerator()
        : _hashes.Take(_count).Select(hash => new BaselineId(hash, null)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Reads a held-out id straight from the file's bytes: a plain hash id makes no string.</summary>
internal sealed class BaselineIdConverter : JsonConverter<BaselineId>
{
    public override bool HandleNull => true;

    public override BaselineId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new BaselineIdException($"holds {reader.TokenType switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "an array",
                JsonTokenType.Number => "a number",
                _ => reader.TokenType.ToString().ToLowerInvariant(),
            }} where an example id belongs");
        }

        return !reader.ValueIsEscaped && ExampleIds.TryParseHash(reader.ValueSpan, out var hash)
            ? new BaselineId(hash, null)
            : new BaselineId(default, reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, BaselineId value, JsonSerializerOptions options) => throw new NotSupportedException();
}

/// <summary>A held-out id list holds something other than ids; the reader adds where.</summary>
internal sealed class BaselineIdException(string message) : JsonException(message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineFileContext : JsonSerializerContext;
