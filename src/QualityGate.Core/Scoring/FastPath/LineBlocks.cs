using System.Buffers;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// A CSV part's lines after its header, read a block of whole lines at a time, so each worker
/// parses and scores a block of its own (<see cref="FastPass"/>) and can score its rows in batches.
/// A block ends after its last line feed. Quotes are not looked at: the fast pass declines any row
/// with a quote, so a quoted line break can never be cut in the wrong place unnoticed. A block
/// without a line feed ends after its last carriage return (a file of CR line ends); a line longer
/// than a block makes its block larger. The blocks are rented from the shared pool; the consumer
/// returns them (<see cref="LineBlock.Return"/>).
/// </summary>
internal sealed class LineBlocks(Stream content, int blockBytes = LineBlocks.BlockBytes)
{
    /// <summary>
    /// About how many bytes a block holds (a line longer than that makes its block larger): about
    /// 800 of the benchmark's rows. Blocks of 1 MiB took the same time and 4-5 MB more at the peak
    /// (1M rows: 108.7-110.2 MB against 104.1-104.6).
    /// </summary>
    public const int BlockBytes = 1 << 18;

    private byte[] _carry = new byte[4096];
    private int _carried;
    private bool _ended;

    /// <summary>
    /// Reads past the header line. False when the text is not UTF-8 (a UTF-16 or UTF-32 byte
    /// order mark), which the full reader decodes: a line feed's byte there is half a character.
    /// </summary>
    public bool SkipHeader()
    {
        var block = Next(firstLine: true);
        if (block is not { } header)
        {
            return true;
        }

        var bytes = header.Bytes.AsSpan(0, header.Length);
        var utf8 = !(bytes.StartsWith([(byte)0xFF, (byte)0xFE]) || bytes.StartsWith([(byte)0xFE, (byte)0xFF]) || bytes.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]));
        header.Return();
        return utf8;
    }

    /// <summary>Every block in file order.</summary>
    public IEnumerable<LineBlock> All()
    {
        while (Next(firstLine: false) is { } block)
        {
            yield return block;
        }
    }

    /// <summary>The next block of whole lines (or just the next line); null at the end of the text.</summary>
    private LineBlock? Next(bool firstLine)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockBytes, _carried + 1));
        _carry.AsSpan(0, _carried).CopyTo(buffer);
        var filled = _carried;
        _carried = 0;
        while (true)
        {
            var cut = firstLine ? FirstLineEnd(buffer.AsSpan(0, filled)) : LastLineEnd(buffer.AsSpan(0, filled));
            if (cut > 0 && (firstLine || filled >= blockBytes || _ended))
            {
                Carry(buffer.AsSpan(cut, filled - cut));
                return new LineBlock(buffer, cut);
            }

            if (_ended)
            {
                // The last line, without a line end.
                if (filled > 0)
                {
                    return new LineBlock(buffer, filled);
                }

                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }

            if (filled == buffer.Length)
            {
                // One line longer than the block: a larger block.
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = content.Read(buffer.AsSpan(filled));
            filled += read;
            _ended = read == 0;
        }
    }

    private void Carry(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length)
        {
            _carry = new byte[rest.Length * 2];
        }

        rest.CopyTo(_carry);
        _carried = rest.Length;
    }

    /// <summary>Where the first line ends (after its line feed); 0 when none has ended yet.</summary>
    private static int FirstLineEnd(ReadOnlySpan<byte> text) => text.IndexOf((byte)'\n') + 1;

    /// <summary>Where the last whole line ends: after the last line feed, else after the last carriage return that cannot be half of a CRLF; 0 when none has ended yet.</summary>
    private static int LastLineEnd(ReadOnlySpan<byte> text)
    {
        var feed = text.LastIndexOf((byte)'\n');
        if (feed >= 0)
        {
            return feed + 1;
        }

        var lastReturn = text.IsEmpty ? -1 : text[..^1].LastIndexOf((byte)'\r');
        return lastReturn + 1;
    }
}

/// <summary>A block of whole lines in a rented buffer: <see cref="Length"/> bytes of it.</summary>
internal readonly record struct LineBlock(byte[] Bytes, int Length)
{
    /// <summary>The block's lines as its line feeds count them (the last may lack one; a file of CR line ends has more).</summary>
    public int Lines => Bytes.AsSpan(0, Length).Count((byte)'\n') + 1;

    public void Return() => ArrayPool<byte>.Shared.Return(Bytes);
}
