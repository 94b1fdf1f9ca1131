namespace QualityGate.Data;

/// <summary>
/// Text written once, then read by any number of readers, each from the start: kept in blocks of
/// 64 KiB, below the size of a large object. A <see cref="MemoryStream"/> grows by doubling and
/// copying, so text of 3 MB leaves 4 MB of large objects behind it, met late by the collector;
/// these blocks cost the text's size, and the collector's youngest generation takes them back.
/// </summary>
internal sealed class TextBlocks : Stream
{
    private const int BlockSize = 1 << 16;

    private readonly List<byte[]> _blocks = [];
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var offset = (int)(_length % BlockSize);
            if (offset == 0)
            {
                _blocks.Add(new byte[BlockSize]);
            }

            var copied = Math.Min(BlockSize - offset, buffer.Length);
            buffer[..copied].CopyTo(_blocks[^1].AsSpan(offset));
            _length += copied;
            buffer = buffer[copied..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>A reader of the text written so far, with a position of its own.</summary>
    public Stream OpenRead() => new Reader(_blocks, _length);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private sealed class Reader(List<byte[]> blocks, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            var offset = (int)(_position % BlockSize);
            var copied = (int)Math.Min(Math.Min(buffer.Length, BlockSize - offset), length - _position);
            if (copied <= 0)
            {
                return 0;
            }

            blocks[(int)(_position / BlockSize)].AsSpan(offset, copied).CopyTo(buffer);
            _position += copied;
            return copied;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
