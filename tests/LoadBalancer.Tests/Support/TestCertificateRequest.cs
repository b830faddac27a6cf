using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Tests.Support;

/// <summary>One certificate being made by <see cref="TestPki"/>: subject, key, validity and extensions, then signed.</summary>
internal sealed class TestCertificateRequest(string subject, AsymmetricAlgorithm key)
{
    private readonly List<X509Extension> _extensions = [];

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset NotAfter { get; init; }

    public void AddCaExtensions(int? pathLength)
    {
        _extensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, true));
        _extensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
    }

    public void AddLeafExtensions(IReadOnlyList<string> extendedKeyUsages, bool isCa)
    {
        _extensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        var usage = key is RSA ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature;
        _extensions.Add(new X509KeyUsageExtension(usage, true));
        if (extendedKeyUsages.Count > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in extendedKeyUsages)
            {
                oids.Add(new Oid(oid));
            }

            _extensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        }
    }

    public void AddNames(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> ipAddresses)
    {
        if (dnsNames.Count + ipAddresses.Count == 0)
        {
            return;
        }

        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
        {
            names.AddDnsName(dns);
        }

        foreach (var ip in ipAddresses)
        {
            names.AddIpAddress(ip);
        }

        _extensions.Add(names.Build());
    }

    public TestCertificate Sign(TestCertificate? issuer, bool md5)
    {
        var publicKey = new PublicKey(key);
        _extensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, false));
        if (issuer is not null)
        {
            _extensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, true, false));
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        using var unkeyed = md5 ? SignMd5(issuer, publicKey, serial) : SignSha256(issuer, publicKey, serial);
        return new TestCertificate(WithKey(unkeyed), key, issuer);
    }

    private X509Certificate2 SignSha256(TestCertificate? issuer, PublicKey publicKey, byte[] serial)
    {
        var request = new CertificateRequest(new X500DistinguishedName(subject), publicKey, HashAlgorithmName.SHA256);
        foreach (var extension in _extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        var issuerName = issuer?.Certificate.SubjectName ?? request.SubjectName;
        return request.Create(issuerName, Generator(issuer?.Key ?? key), NotBefore, NotAfter, serial);
    }

    private X509Certificate2 SignMd5(TestCertificate? issuer, PublicKey publicKey, byte[] serial)
    {
        var signer = issuer?.Key ?? key;
        if (signer is not RSA)
        {
            throw new ArgumentException("an MD5 signature needs an RSA issuer key (md5WithRSAEncryption); give the issuer LeafKey.Rsa()");
        }

        var issuerName = issuer?.Certificate.SubjectName ?? new X500DistinguishedName(subject);
        return Md5CertificateSigner.Sign(new X500DistinguishedName(subject), issuerName, publicKey, serial, NotBefore, NotAfter, _extensions, signer);
    }

    private X509Certificate2 WithKey(X509Certificate2 certificate) => key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        _ => throw new ArgumentException($"unsupported key {key.GetType().Name}"),
    };

    private static X509SignatureGenerator Generator(AsymmetricAlgorithm signer) => signer switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        _ => throw new ArgumentException($"unsupported issuer key {signer.GetType().Name}"),
    };
}
