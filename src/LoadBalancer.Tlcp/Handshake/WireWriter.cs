namespace LoadBalancer.Tlcp.Handshake;

/// <summary>Builds handshake messages: big-endian fields and length prefixes patched in when a vector ends.</summary>
internal sealed class WireWriter
{
    private byte[] _buffer = new byte[512];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void WriteUInt8(int value) => Reserve(1)[0] = (byte)value;

    public void WriteUInt16(int value)
    {
        var span = Reserve(2);
        span[0] = (byte)(value >> 8);
        span[1] = (byte)value;
    }

    public void WriteUInt24(int value)
    {
        var span = Reserve(3);
        span[0] = (byte)(value >> 16);
        span[1] = (byte)(value >> 8);
        span[2] = (byte)value;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Reserves a length prefix of <paramref name="size"/> bytes; <see cref="EndVector"/> fills it in.</summary>
    public int StartVector(int size)
    {
        var start = Length;
        Reserve(size);
        return start;
    }

    public void EndVector(int start, int size)
    {
        var length = Length - start - size;
        if (length >= 1 << (8 * size))
        {
            throw new InvalidOperationException($"vector of {length} bytes does not fit a {size}-byte length");
        }

        for (var i = 0; i < size; i++)
        {
            _buffer[start + i] = (byte)(length >> (8 * (size - 1 - i)));
        }
    }

    /// <summary>Starts a handshake message (type and 24-bit length); end it with <see cref="EndVector"/>(start, 3).</summary>
    public int StartMessage(HandshakeType type)
    {
        WriteUInt8((byte)type);
        return StartVector(3);
    }

    public byte[] ToArray() => Written.ToArray();

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
