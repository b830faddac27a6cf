using System.Buffers.Binary;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>A bounds-checked forward reader over a span; every read reports whether the bytes were there.</summary>
internal ref struct SpanCursor
{
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    public SpanCursor(ReadOnlySpan<byte> span)
    {
        _span = span;
        _position = 0;
    }

    public readonly int Remaining => _span.Length - _position;

    public bool TryReadUInt8(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = _span[_position++];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_span.Slice(_position, 2));
        _position += 2;
        return true;
    }

    public bool TryReadBytes(int count, out ReadOnlySpan<byte> bytes)
    {
        if (count < 0 || Remaining < count)
        {
            bytes = default;
            return false;
        }

        bytes = _span.Slice(_position, count);
        _position += count;
        return true;
    }

    /// <summary>Reads a vector with a one-byte length prefix.</summary>
    public bool TryReadVector8(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        return TryReadUInt8(out var length) && TryReadBytes(length, out bytes);
    }

    /// <summary>Reads a vector with a two-byte length prefix.</summary>
    public bool TryReadVector16(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        return TryReadUInt16(out var length) && TryReadBytes(length, out bytes);
    }
}
