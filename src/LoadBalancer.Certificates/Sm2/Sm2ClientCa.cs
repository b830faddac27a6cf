using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Certificates.Sm2;

/// <summary>
/// A CaCertificates entry as TLCP uses it for client certificates (the mutual-TLCP extension): its certificates in
/// BouncyCastle's form, and whether they are SM2 CAs.
/// </summary>
public static class Sm2ClientCa
{
    /// <summary>The entry's certificates when every one has an SM2 key; null otherwise.</summary>
    public static IReadOnlyList<Org.BouncyCastle.X509.X509Certificate>? From(X509Certificate2Collection certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var parser = new X509CertificateParser();
        var parsed = certificates.Select(c => parser.ReadCertificate(c.RawData)).ToList();
        return parsed.Count > 0 && parsed.TrueForAll(Sm2CertificateChecks.HasSm2Key) ? parsed : null;
    }
}
