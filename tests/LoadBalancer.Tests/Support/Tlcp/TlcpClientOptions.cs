using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using LoadBalancer.Tlcp.Handshake;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>What the test client offers and holds.</summary>
public sealed record TlcpClientOptions
{
    public IReadOnlyList<TlcpCipherSuite> CipherSuites { get; init; } = [TlcpCipherSuite.EccSm4CbcSm3];

    public string? ServerName { get; init; }

    /// <summary>Checked: the server's signing and encryption certificates chain directly to it.</summary>
    public X509Certificate? TrustedCa { get; init; }

    public Sm2IssuedCertificate? SignCertificate { get; init; }

    public Sm2IssuedCertificate? EncryptionCertificate { get; init; }

    /// <summary>GmSSL's forms: CertificateVerify over the raw messages, ClientKeyExchange with the leading <c>00 45</c>.</summary>
    public bool GmSslForms { get; init; }

    /// <summary>Rewrites an outgoing handshake message (whole, header included) before it is sent and hashed.</summary>
    internal Func<HandshakeType, byte[], byte[]>? MutateMessage { get; init; }
}
