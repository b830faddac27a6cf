using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>An SM2 PKI made at test time with the product's <see cref="Sm2CertificateFactory"/>: a CA, a server and a client dual certificate.</summary>
public sealed class TlcpTestPki
{
    private static readonly Lazy<TlcpTestPki> SharedPki = new(() => new TlcpTestPki("localhost", "www.example.com"));

    public TlcpTestPki(params string[] serverNames)
    {
        var now = DateTime.UtcNow;
        Ca = Sm2CertificateFactory.CreateRootCa("TLCP Test CA", now.AddDays(-1), now.AddYears(5));
        (ServerSign, ServerEncrypt) = Sm2CertificateFactory.CreateDualLeaf(Ca, serverNames, now.AddDays(-1), now.AddYears(1));
        (ClientSign, ClientEncrypt) = Sm2CertificateFactory.CreateDualLeaf(Ca, ["client.example.com"], now.AddDays(-1), now.AddYears(1), "TLCP Test Client");
        ServerCredentials = Credentials(ServerSign, ServerEncrypt);
    }

    /// <summary>One PKI for all tests that need no particular names (generation is cheap but not free).</summary>
    public static TlcpTestPki Shared => SharedPki.Value;

    public Sm2IssuedCertificate Ca { get; }

    public Sm2IssuedCertificate ServerSign { get; }

    public Sm2IssuedCertificate ServerEncrypt { get; }

    public Sm2IssuedCertificate ClientSign { get; }

    public Sm2IssuedCertificate ClientEncrypt { get; }

    public TlcpServerCredentials ServerCredentials { get; }

    public static TlcpServerCredentials Credentials(Sm2IssuedCertificate sign, Sm2IssuedCertificate encrypt) =>
        TlcpServerCredentials.Create(sign.Certificate, sign.PrivateKey, encrypt.Certificate, encrypt.PrivateKey);

    /// <summary>Server options for every suite, ECDHE with this CA for client certificates.</summary>
    public TlcpServerOptions ServerOptions(params TlcpCipherSuite[] suites) => new()
    {
        CipherSuites = suites.Length > 0 ? suites : TlcpCipherSuites.All,
        Credentials = ServerCredentials,
        ClientCertificateAuthorities = [Ca.Certificate],
    };

    /// <summary>Client options offering <paramref name="suite"/>, with the client certificates and this CA as trust.</summary>
    public TlcpClientOptions ClientOptions(TlcpCipherSuite suite, bool gmSslForms = false) => new()
    {
        CipherSuites = [suite],
        ServerName = "localhost",
        TrustedCa = Ca.Certificate,
        SignCertificate = ClientSign,
        EncryptionCertificate = ClientEncrypt,
        GmSslForms = gmSslForms,
    };
}
