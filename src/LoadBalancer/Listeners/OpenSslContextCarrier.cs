using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Listeners;

/// <summary>
/// The one certificate context .NET is given for every handshake while <see cref="OpenSslPolicyHook"/> is active, so
/// that it builds one OpenSSL context (SSL_CTX) per set of versions and reuses it for every listener and certificate.
/// </summary>
/// <remarks>
/// .NET keys its cache of OpenSSL contexts by the certificate, keeps only contexts that open connections hold, and
/// evicts the rest as new ones come in; with a context per certificate, SNI spread over thousands of names built a
/// context for most handshakes. The hook replaces this certificate on each connection, before the handshake starts,
/// by the one selection chose (<see cref="OpenSslCertificate"/>). A handshake where that did not happen is refused
/// once it has run (and the hook switches itself off), so the carrier can reach at most that one client: a throwaway
/// self-signed ECDSA certificate made in memory at start, which no client trusts, with no intermediates (which
/// OpenSSL would otherwise send for a certificate that has none of its own).
/// </remarks>
internal static class OpenSslContextCarrier
{
    private static readonly Lazy<X509Certificate2> Certificate = new(Create);
    private static readonly Lazy<SslStreamCertificateContext> Plain = new(() => SslStreamCertificateContext.Create(Certificate.Value, null, offline: true));

    /// <summary>
    /// The carrier's context; under mutual TLS one that carries the listener's CA names, which .NET sets on each
    /// connection for its CertificateRequest (they are not part of the cached OpenSSL context).
    /// </summary>
    public static SslStreamCertificateContext ContextFor(SslCertificateTrust? trust) =>
        trust is null ? Plain.Value : SslStreamCertificateContext.Create(Certificate.Value, null, offline: true, trust);

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=LoadBalancer carrier (replaced on each connection)", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
    }
}
