namespace LoadBalancer.Tlcp.Handshake;

/// <summary>A whole handshake message: its type, its body, and its bytes as they go into the transcript.</summary>
internal sealed record HandshakeMessage(HandshakeType Type, byte[] Raw)
{
    public const int HeaderLength = 4;

    public ReadOnlySpan<byte> Body => Raw.AsSpan(HeaderLength);
}
