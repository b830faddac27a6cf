using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates;

namespace LoadBalancer.Benchmarks;

/// <summary>Self-signed ECDSA P-256 server certificates made in memory, one DNS name each, for the selector benchmark.</summary>
internal static class SelfSignedCertificates
{
    public static ServerCertificate[] Create(IReadOnlyList<string> names)
    {
        var certificates = new ServerCertificate[names.Count];
        Parallel.For(0, names.Count, i => certificates[i] = Create(names[i], i));
        return certificates;
    }

    private static ServerCertificate Create(string dnsName, int order)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        var leaf = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return new ServerCertificate($"cert-{order}", order, leaf, []);
    }
}
