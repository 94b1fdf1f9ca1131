using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace QualityGate.Identity;

/// <summary>
/// The stable identity of an example when the data has no id column: a 128-bit XxHash of its
/// feature values in file column order. Numbers are canonicalised first (as 32-bit floats, the
/// precision ML.NET reads them with; -0 as 0; every NaN alike), so "0.5", "0.50" and "5e-1"
/// are the same example, whichever way the file was written or the model loads it.
/// </summary>
public sealed class ExampleIdentity
{
    private const byte FieldSeparator = 0x1F;
    private readonly XxHash128 _hash = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public void AddText(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (float.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            AddNumber(number);
            return;
        }

        var bytes = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(trimmed.Length) + 1);
        var written = Encoding.UTF8.GetBytes(trimmed, bytes);
        bytes[written] = FieldSeparator;
        _hash.Append(bytes[..(written + 1)]);
    }

    public void AddNumber(double value) => AddNumber((float)value);

    public void AddNumber(float value)
    {
        Span<char> text = stackalloc char[32];
        int length;
        if (float.IsNaN(value))
        {
            "NaN".CopyTo(text);
            length = 3;
        }
        else
        {
            // Adding 0f turns -0 into +0 without a branch on the sign bit.
            (value + 0f).TryFormat(text, out length, "R", CultureInfo.InvariantCulture);
        }

        Span<byte> bytes = stackalloc byte[33];
        var written = Encoding.ASCII.GetBytes(text[..length], bytes);
        bytes[written] = FieldSeparator;
        _hash.Append(bytes[..(written + 1)]);
    }

    public void AddBoolean(bool value) => AddText(value ? "true" : "false");

    /// <summary>The id of the values added since the last call, as 32 lowercase hex digits; starts a new id.</summary>
    public string Finish()
    {
        Span<byte> digest = stackalloc byte[16];
        _hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }
}
