using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp;

/// <summary>The facts of a completed TLCP handshake.</summary>
public sealed record TlcpHandshakeInfo(
    TlcpCipherSuite CipherSuite,
    string? ServerName,
    TlcpServerCredentials Credentials,
    X509Certificate? ClientSignCertificate,
    X509Certificate? ClientEncryptionCertificate,
    IReadOnlyList<X509Certificate> ClientCertificateChain)
{
    /// <summary>Tongsuo's name of the suite, such as <c>ECC-SM2-SM4-CBC-SM3</c>.</summary>
    public string CipherSuiteName => TlcpCipherSuites.Name(CipherSuite);
}
