namespace LoadBalancer.Tlcp.Handshake;

/// <summary>Reads big-endian fields and length-prefixed vectors; any overrun or bound violation is a decode_error.</summary>
internal ref struct WireReader
{
    private ReadOnlySpan<byte> _rest;
    private readonly string _message;

    public WireReader(ReadOnlySpan<byte> data, string message)
    {
        _rest = data;
        _message = message;
    }

    public readonly bool IsEmpty => _rest.IsEmpty;

    public readonly int Remaining => _rest.Length;

    public byte ReadUInt8() => Take(1)[0];

    public ushort ReadUInt16()
    {
        var bytes = Take(2);
        return (ushort)((bytes[0] << 8) | bytes[1]);
    }

    public int ReadUInt24()
    {
        var bytes = Take(3);
        return (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
    }

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    public ReadOnlySpan<byte> ReadVector8(int min, int max) => ReadVector(ReadUInt8(), min, max);

    public ReadOnlySpan<byte> ReadVector16(int min, int max) => ReadVector(ReadUInt16(), min, max);

    public ReadOnlySpan<byte> ReadVector24(int min, int max) => ReadVector(ReadUInt24(), min, max);

    public readonly void EnsureEnd()
    {
        if (!_rest.IsEmpty)
        {
            throw Error($"{_rest.Length} bytes left over");
        }
    }

    public readonly TlcpException Error(string reason) => new(TlcpAlert.DecodeError, $"malformed {_message}: {reason}");

    private ReadOnlySpan<byte> ReadVector(int length, int min, int max)
    {
        if (length < min || length > max)
        {
            throw Error($"length {length} outside {min}..{max}");
        }

        return Take(length);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _rest.Length)
        {
            throw Error($"needs {count} bytes, {_rest.Length} left");
        }

        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }
}
