using System.Collections.Concurrent;
using LoadBalancer.Certificates.Sm2;
using LoadBalancer.Tlcp;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Listeners;

/// <summary>
/// The TLCP side of an HTTPS listener that holds SM2 certificates, as one snapshot serves it: which SM2 certificate
/// a TLCP client gets (the same rules as RSA/ECC ones) and the SM suites of the listener's security policy, in the
/// policy's order. With client CAs (the mutual-TLCP extension: <c>CaEnabled</c> with an SM2 CA) every client must
/// present certificates of that CA, and the ECDHE suites, which need them, are offered too. Server options are made
/// once per certificate and shared by every handshake of the snapshot.
/// </summary>
internal sealed class TlcpListener(Sm2CertificateSelector selector, IReadOnlyList<TlcpCipherSuite> suites, IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> clientAuthorities)
{
    private readonly ConcurrentDictionary<Sm2Certificate, TlcpServerOptions> _options = new();

    public Sm2CertificateSelector Selector { get; } = selector;

    public IReadOnlyList<TlcpCipherSuite> Suites { get; } = suites;

    public TlcpServerOptions OptionsFor(Sm2Certificate certificate) =>
        _options.GetOrAdd(certificate, c => new TlcpServerOptions
        {
            Credentials = c.Credentials,
            CipherSuites = Suites,
            ClientCertificateAuthorities = clientAuthorities,
            RequireClientCertificateOnEccSuites = clientAuthorities.Count > 0,
        });

    /// <summary>The policy's SM suites in its order; ECDHE ones only with client certificates (from an SM2 CA).</summary>
    public static IReadOnlyList<TlcpCipherSuite> SuitesOf(SecurityPolicy policy, bool withClientCertificates) =>
        [.. policy.TlcpCiphers.Select(c => (TlcpCipherSuite)c.Code).Where(s => withClientCertificates || !TlcpCipherSuites.IsEcdhe(s)).Distinct()];
}
