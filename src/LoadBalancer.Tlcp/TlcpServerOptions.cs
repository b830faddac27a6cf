using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp;

/// <summary>
/// How a <see cref="TlcpServerStream"/> answers: the suites in preference order, the certificate per ClientHello, and the
/// CAs of client certificates. Immutable in use: build once per configuration and share across connections.
/// </summary>
public sealed class TlcpServerOptions
{
    /// <summary>Enabled suites, most preferred first. ECDHE suites are chosen only with <see cref="ClientCertificateAuthorities"/>.</summary>
    public IReadOnlyList<TlcpCipherSuite> CipherSuites { get; init; } = TlcpCipherSuites.All;

    /// <summary>Chooses the credentials for a ClientHello (by its SNI); null refuses the handshake (handshake_failure).</summary>
    public Func<TlcpClientHelloInfo, TlcpServerCredentials?>? CredentialsSelector { get; init; }

    /// <summary>The credentials when there is no <see cref="CredentialsSelector"/>.</summary>
    public TlcpServerCredentials? Credentials { get; init; }

    /// <summary>
    /// SM2 CA certificates that client certificates must chain to. ECDHE suites always request and verify the client's
    /// signing and encryption certificates; without CAs they are not negotiated.
    /// </summary>
    public IReadOnlyList<X509Certificate> ClientCertificateAuthorities { get; init; } = [];

    /// <summary>Also require a client signing certificate on ECC suites (beyond the product; GmSSL's client-auth mode).</summary>
    public bool RequireClientCertificateOnEccSuites { get; init; }

    /// <summary>The clock for client certificate validity.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
