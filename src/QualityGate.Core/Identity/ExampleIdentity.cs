using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace QualityGate.Identity;

/// <summary>
/// The stable identity of an example when the data has no id column: a 128-bit XxHash of its
/// feature values in file column order. Numbers are canonicalised first (as 32-bit floats, the
/// precision ML.NET reads them with; -0 as 0; every NaN alike) and hashed as their bits, so
/// "0.5", "0.50" and "5e-1" are the same example, whichever way the file was written or the
/// model loads it, and no number is ever formatted. Each field carries a tag byte (number or
/// text) so a text field can never collide with a number.
/// </summary>
public sealed class ExampleIdentity
{
    private const byte FieldSeparator = 0x1F;
    private const byte NumberTag = 0x01;
    private const byte TextTag = 0x02;
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

        var bytes = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(trimmed.Length) + 2);
        bytes[0] = TextTag;
        var written = Encoding.UTF8.GetBytes(trimmed, bytes[1..]);
        bytes[written + 1] = FieldSeparator;
        _hash.Append(bytes[..(written + 2)]);
    }

    public void AddNumber(double value) => AddNumber((float)value);

    public void AddNumber(float value)
    {
        // Adding 0f turns -0 into +0; every NaN becomes the one canonical NaN.
        var canonical = float.IsNaN(value) ? float.NaN : value + 0f;
        Span<byte> bytes = stackalloc byte[6];
        bytes[0] = NumberTag;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], BitConverter.SingleToInt32Bits(canonical));
        bytes[5] = FieldSeparator;
        _hash.Append(bytes);
    }

    public void AddBoolean(bool value) => AddText(value ? "true" : "false");

    /// <summary>The id of the values added since the last call, as 32 lowercase hex digits; starts a new id.</summary>
    public string Finish() => Format(FinishValue());

    /// <summary>
    /// The id as a 128-bit value, which a pass keeps for every row (16 bytes, no string) and
    /// formats only for the rows a report or the baseline names.
    /// </summary>
    public UInt128 FinishValue()
    {
        Span<byte> digest = stackalloc byte[16];
        _hash.GetHashAndReset(digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    /// <summary>How many characters a 128-bit id's text takes: its lowercase hex digits.</summary>
    public const int Digits = 32;

    /// <summary>A 128-bit id as its 32 lowercase hex digits, the same text <see cref="Finish"/> gives.</summary>
    public static string Format(UInt128 id)
    {
        Span<char> digits = stackalloc char[Digits];
        Format(id, digits);
        return new string(digits);
    }

    /// <summary>A 128-bit id's 32 lowercase hex digits into <paramref name="digits"/>, for writers that need no string.</summary>
    public static void Format(UInt128 id, Span<char> digits)
    {
        Span<byte> digest = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(digest, id);
        if (!Convert.TryToHexStringLower(digest, digits, out var written) || written != Digits)
        {
            throw new ArgumentException($"An id's digits need {Digits} characters.", nameof(digits));
        }
    }
}
