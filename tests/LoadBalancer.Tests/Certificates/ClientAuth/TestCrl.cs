using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Tests.Support;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Certificates.ClientAuth;

/// <summary>Makes CRLs at test time with .NET's <see cref="CertificateRevocationListBuilder"/>.</summary>
public static class TestCrl
{
    /// <summary>The DER CRL of <paramref name="issuer"/> listing <paramref name="revoked"/>.</summary>
    public static byte[] Der(TestCertificate issuer, IEnumerable<TestCertificate> revoked, DateTimeOffset? nextUpdate = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate.Certificate, DateTimeOffset.UtcNow.AddMinutes(-5));
        }

        var thisUpdate = DateTimeOffset.UtcNow.AddDays(-2);
        return builder.Build(issuer.Certificate, BigInteger.One, nextUpdate ?? DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: thisUpdate);
    }

    public static string Pem(TestCertificate issuer, IEnumerable<TestCertificate> revoked, DateTimeOffset? nextUpdate = null) =>
        new string(PemEncoding.Write("X509 CRL", Der(issuer, revoked, nextUpdate))) + "\n";

    public static X509Crl Parse(byte[] der) => new X509CrlParser().ReadCrl(der);
}
