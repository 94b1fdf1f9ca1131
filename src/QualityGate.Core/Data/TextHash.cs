using System.Security.Cryptography;

namespace QualityGate.Data;

/// <summary>
/// The SHA-256 of a data file's text as a baseline identifies it: without a UTF-8 byte order mark
/// and with CRLF read as LF, so a checkout that converts line ends (git's autocrlf on Windows) is
/// the same data. Fed chunk by chunk, so whoever reads the text can hash it as it goes.
/// </summary>
public sealed class TextHash : IDisposable
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // The first bytes, held until there are enough to tell a byte order mark.
    private readonly List<byte> _start = [];
    private bool _pastStart;

    // The last chunk ended in a CR; the next byte decides whether it is half of a CRLF.
    private bool _pendingReturn;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (!_pastStart)
        {
            var wanted = Math.Min(ByteOrderMark.Length - _start.Count, chunk.Length);
            _start.AddRange(chunk[..wanted]);
            chunk = chunk[wanted..];
            if (_start.Count < ByteOrderMark.Length && chunk.IsEmpty)
            {
                return;
            }

            EndStart();
        }

        AppendWithoutCarriageReturns(chunk);
    }

    /// <summary>The hash of everything appended, in lower-case hex.</summary>
    public string Finish()
    {
        EndStart();
        if (_pendingReturn)
        {
            _hash.AppendData("\r"u8);
            _pendingReturn = false;
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private void EndStart()
    {
        if (_pastStart)
        {
            return;
        }

        _pastStart = true;
        var start = _start.ToArray();
        AppendWithoutCarriageReturns(start.AsSpan().StartsWith(ByteOrderMark) ? start.AsSpan(ByteOrderMark.Length) : start);
    }

    /// <summary>Hashes a chunk a run between carriage returns at a time: a file without any is hashed at the speed of the hash.</summary>
    private void AppendWithoutCarriageReturns(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        if (_pendingReturn && chunk[0] != (byte)'\n')
        {
            _hash.AppendData("\r"u8);
        }

        _pendingReturn = false;
        while (true)
        {
            var cr = chunk.IndexOf((byte)'\r');
            if (cr < 0)
            {
                _hash.AppendData(chunk);
                return;
            }

            _hash.AppendData(chunk[..cr]);
            if (cr + 1 == chunk.Length)
            {
                _pendingReturn = true;
                return;
            }

            if (chunk[cr + 1] != (byte)'\n')
            {
                _hash.AppendData("\r"u8);
            }

            chunk = chunk[(cr + 1)..];
        }
    }

    public void Dispose() => _hash.Dispose();
}
