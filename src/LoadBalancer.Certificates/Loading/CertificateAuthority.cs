using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Loading;

internal static class CertificateAuthority
{
    /// <summary>True when the certificate carries basicConstraints with CA:TRUE.</summary>
    public static bool IsCa(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
}
