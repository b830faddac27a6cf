namespace LoadBalancer.Tlcp.Handshake;

internal static class HandshakeLimits
{
    /// <summary>The largest handshake message accepted (a client certificate chain fits many times over).</summary>
    public const int MaxMessageLength = 64 * 1024;

    /// <summary>The most handshake bytes a client may send in one handshake.</summary>
    public const int MaxClientHandshakeBytes = 128 * 1024;

    public const int MaxCertificates = 10;
}
