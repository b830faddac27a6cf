using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// Makes certificates for tests and writes them as PEM files into <see cref="Directory"/>:
/// <code>
/// var pki = new TestPki(temp.Path);
/// var root = pki.CreateRoot("Test Root");
/// var inter = pki.CreateIntermediate(root, "Test Intermediate");
/// var leaf = pki.IssueLeaf(inter, ["www.example.com"], LeafKey.Rsa(2048));
/// PemPaths files = pki.Write(leaf, "www-rsa", includeChain: true, keyFormat: KeyFormat.Traditional);
/// </code>
/// Defaults: ECDSA P-256 keys, SHA-256 signatures, roots valid from a day ago for ten years, leaves from an hour ago
/// for 90 days, leaves with EKU serverAuth. <c>md5: true</c> signs with MD5 (needs an RSA issuer; BouncyCastle).
/// </summary>
public sealed class TestPki(string directory)
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public string Directory { get; } = directory;

    public TestCertificate CreateRoot(string commonName, LeafKey? key = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var request = new TestCertificateRequest($"CN={commonName}", (key ?? LeafKey.EcP256).Create())
        {
            NotBefore = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = notAfter ?? DateTimeOffset.UtcNow.AddYears(10),
        };
        request.AddCaExtensions(pathLength: null);
        return request.Sign(issuer: null, md5: false);
    }

    public TestCertificate CreateIntermediate(
        TestCertificate issuer, string commonName, LeafKey? key = null, int? pathLength = null,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool md5 = false)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var request = new TestCertificateRequest($"CN={commonName}", (key ?? LeafKey.EcP256).Create())
        {
            NotBefore = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = notAfter ?? DateTimeOffset.UtcNow.AddYears(5),
        };
        request.AddCaExtensions(pathLength);
        return request.Sign(issuer, md5);
    }

    /// <summary>
    /// A server certificate for <paramref name="dnsNames"/> (as DNS SANs; none means no SAN extension). The subject is
    /// <c>CN=</c> the first name unless <paramref name="subject"/> is given (a whole DN, e.g. <c>"CN=Www.Example.com"</c>
    /// or <c>"O=No Name"</c>). <paramref name="extendedKeyUsages"/> defaults to serverAuth; <paramref name="isCa"/> makes
    /// it claim CA:TRUE.
    /// </summary>
    public TestCertificate IssueLeaf(
        TestCertificate issuer, IReadOnlyList<string> dnsNames, LeafKey? key = null,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool md5 = false,
        string? subject = null, IReadOnlyList<IPAddress>? ipAddresses = null,
        IReadOnlyList<string>? extendedKeyUsages = null, bool isCa = false)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(dnsNames);
        var request = new TestCertificateRequest(subject ?? DefaultSubject(dnsNames), (key ?? LeafKey.EcP256).Create())
        {
            NotBefore = notBefore ?? DateTimeOffset.UtcNow.AddHours(-1),
            NotAfter = notAfter ?? DateTimeOffset.UtcNow.AddDays(90),
        };
        request.AddLeafExtensions(extendedKeyUsages ?? [ServerAuth], isCa);
        request.AddNames(dnsNames, ipAddresses ?? []);
        return request.Sign(issuer, md5);
    }

    /// <summary>A client certificate (EKU clientAuth) with subject <c>CN=<paramref name="commonName"/></c>.</summary>
    public TestCertificate IssueClient(TestCertificate issuer, string commonName, LeafKey? key = null) =>
        IssueLeaf(issuer, [], key, subject: $"CN={commonName}", extendedKeyUsages: [ClientAuth]);

    /// <summary>
    /// Writes <c>{name}.crt</c> (the certificate, then its intermediates when <paramref name="includeChain"/>) and
    /// <c>{name}.key</c> into <see cref="Directory"/>.
    /// </summary>
    public PemPaths Write(TestCertificate certificate, string name, bool includeChain = true, KeyFormat keyFormat = KeyFormat.Pkcs8)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var certificateFile = certificate.WriteCertificate(Path.Combine(Directory, name + ".crt"), includeChain);
        var keyFile = certificate.WriteKey(Path.Combine(Directory, name + ".key"), keyFormat);
        return new PemPaths(certificateFile, keyFile);
    }

    /// <summary>Writes only the certificate, as <c>{name}.crt</c> (for example a CA for CaCertificates).</summary>
    public string WriteCertificate(TestCertificate certificate, string name, bool includeChain = false)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.WriteCertificate(Path.Combine(Directory, name + ".crt"), includeChain);
    }

    private static string DefaultSubject(IReadOnlyList<string> dnsNames) =>
        dnsNames.Count > 0 ? $"CN={dnsNames[0]}" : "O=TestPki";
}
