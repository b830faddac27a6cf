namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// Cuts handshake messages out of handshake record payloads (several per record, or one across records), within
/// <see cref="HandshakeLimits"/>.
/// </summary>
internal sealed class HandshakeReader
{
    private readonly List<byte> _pending = [];
    private int _total;

    /// <summary>True while part of a message is buffered (a ChangeCipherSpec must not come then).</summary>
    public bool HasPartialMessage => _pending.Count > 0;

    public void Add(ReadOnlySpan<byte> payload)
    {
        _total += payload.Length;
        if (_total > HandshakeLimits.MaxClientHandshakeBytes)
        {
            throw new TlcpException(TlcpAlert.HandshakeFailure, $"handshake larger than {HandshakeLimits.MaxClientHandshakeBytes} bytes");
        }

        foreach (var b in payload)
        {
            _pending.Add(b);
        }
    }

    /// <summary>Takes the next whole message, or null when more bytes are needed.</summary>
    public HandshakeMessage? TryTake()
    {
        if (_pending.Count < HandshakeMessage.HeaderLength)
        {
            return null;
        }

        var length = (_pending[1] << 16) | (_pending[2] << 8) | _pending[3];
        if (length > HandshakeLimits.MaxMessageLength)
        {
            throw new TlcpException(TlcpAlert.DecodeError, $"handshake message of {length} bytes");
        }

        if (_pending.Count < HandshakeMessage.HeaderLength + length)
        {
            return null;
        }

        var raw = new byte[HandshakeMessage.HeaderLength + length];
        _pending.CopyTo(0, raw, 0, raw.Length);
        _pending.RemoveRange(0, raw.Length);
        return new HandshakeMessage((HandshakeType)raw[0], raw);
    }
}
