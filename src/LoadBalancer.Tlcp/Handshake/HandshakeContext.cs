using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>What one server handshake has agreed so far.</summary>
internal sealed class HandshakeContext
{
    public required TlcpCipherSuite Suite { get; init; }

    public required byte[] ClientRandom { get; init; }

    public required byte[] ServerRandom { get; init; }

    public required TlcpServerCredentials Credentials { get; init; }

    public required SecureRandom Random { get; init; }

    public string? ServerName { get; init; }

    /// <summary>The client's verified certificates, once its Certificate message is in.</summary>
    public ClientCertificates? Client { get; set; }
}
