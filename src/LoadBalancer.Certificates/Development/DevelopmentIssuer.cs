using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Development;

/// <summary>Makes the certificates of the development PKI. Every result carries its private key.</summary>
internal static class DevelopmentIssuer
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private static readonly string[] ServerDnsNames = ["localhost", "www.example.com", "api.example.com", "demo.example.com"];
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3652);
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(825);

    public static X509Certificate2 CreateRoot(string commonName, ECCurve curve, HashAlgorithmName hash)
    {
        using var key = ECDsa.Create(curve);
        var request = new CertificateRequest($"CN={commonName}", key, hash);
        AddCaExtensions(request, pathLength: null);
        var (notBefore, notAfter) = Validity(CaLifetime, issuer: null);
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), notBefore, notAfter, NewSerialNumber());
        return certificate.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 CreateIntermediate(X509Certificate2 issuer, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA384);
        AddCaExtensions(request, pathLength: 0);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        return Sign(request, issuer, CaLifetime, key);
    }

    public static X509Certificate2 CreateServerLeaf(X509Certificate2 issuer, AsymmetricAlgorithm key)
    {
        var request = NewRequest("CN=localhost", key);
        var usage = key is RSA ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature;
        AddLeafExtensions(request, issuer, usage, ServerAuthOid);
        request.CertificateExtensions.Add(ServerNames());
        return Sign(request, issuer, LeafLifetime, key);
    }

    public static X509Certificate2 CreateClientLeaf(X509Certificate2 issuer, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = NewRequest($"CN={commonName}", key);
        AddLeafExtensions(request, issuer, X509KeyUsageFlags.DigitalSignature, ClientAuthOid);
        return Sign(request, issuer, LeafLifetime, key);
    }

    private static CertificateRequest NewRequest(string subject, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
        _ => throw new ArgumentException($"unsupported key type {key.GetType().Name}", nameof(key)),
    };

    private static void AddCaExtensions(CertificateRequest request, int? pathLength)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }

    private static void AddLeafExtensions(CertificateRequest request, X509Certificate2 issuer, X509KeyUsageFlags usage, string ekuOid)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ekuOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
    }

    private static X509Extension ServerNames()
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in ServerDnsNames)
        {
            names.AddDnsName(dns);
        }

        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        return names.Build();
    }

    private static X509Certificate2 Sign(CertificateRequest request, X509Certificate2 issuer, TimeSpan lifetime, AsymmetricAlgorithm key)
    {
        var (notBefore, notAfter) = Validity(lifetime, issuer);
        using var issuerKey = issuer.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"the issuer {issuer.Subject} has no ECDSA private key");
        using var certificate = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, NewSerialNumber());
        return key switch
        {
            RSA rsa => certificate.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
            _ => throw new ArgumentException($"unsupported key type {key.GetType().Name}", nameof(key)),
        };
    }

    /// <summary>From an hour ago (clock skew) for the lifetime, never outside the issuer's validity.</summary>
    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(TimeSpan lifetime, X509Certificate2? issuer)
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = notBefore.Add(lifetime);
        if (issuer is not null)
        {
            notBefore = Max(notBefore, new DateTimeOffset(issuer.NotBefore.ToUniversalTime()));
            notAfter = Min(notAfter, new DateTimeOffset(issuer.NotAfter.ToUniversalTime()));
        }

        return (notBefore, notAfter);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>16 random bytes, read as a positive integer (top bit clear, first byte never zero).</summary>
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        if (serial[0] == 0)
        {
            serial[0] = 0x01;
        }

        return serial;
    }
}
