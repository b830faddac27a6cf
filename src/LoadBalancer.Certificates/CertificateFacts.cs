using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates;

/// <summary>What ranking and logging need to know of a certificate, read once when it is loaded.</summary>
public sealed record CertificateFacts(
    IReadOnlyList<string> DnsNames,
    CertificateKeyAlgorithm Algorithm,
    int KeySizeBits,
    bool Md5Signed,
    DateTime NotBeforeUtc,
    DateTime NotAfterUtc,
    string Subject,
    string Thumbprint)
{
    private const string Md5WithRsaOid = "1.2.840.113549.1.1.4";
    private const string SubjectAltNameOid = "2.5.29.17";
    private const string CommonNameOid = "2.5.4.3";

    public static CertificateFacts Read(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var (algorithm, keySize) = ReadKey(certificate);
        return new CertificateFacts(
            ReadDnsNames(certificate),
            algorithm,
            keySize,
            certificate.SignatureAlgorithm.Value == Md5WithRsaOid,
            certificate.NotBefore.ToUniversalTime(),
            certificate.NotAfter.ToUniversalTime(),
            certificate.Subject,
            certificate.Thumbprint);
    }

    /// <summary>RSA, ECC or SM2, as the product names them.</summary>
    public string AlgorithmName => Algorithm switch
    {
        CertificateKeyAlgorithm.Rsa => "RSA",
        CertificateKeyAlgorithm.Ecdsa => "ECC",
        _ => "SM2",
    };

    public override string ToString() =>
        $"{AlgorithmName} {KeySizeBits} bits, {(Md5Signed ? "MD5" : "SHA")}-signed, names [{string.Join(", ", DnsNames)}], valid until {NotAfterUtc:yyyy-MM-dd}";

    private static (CertificateKeyAlgorithm, int) ReadKey(X509Certificate2 certificate)
    {
        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is not null)
            {
                return (CertificateKeyAlgorithm.Rsa, rsa.KeySize);
            }
        }

        using (var ecdsa = certificate.GetECDsaPublicKey())
        {
            if (ecdsa is not null)
            {
                return (CertificateKeyAlgorithm.Ecdsa, ecdsa.KeySize);
            }
        }

        throw new CryptographicException($"unsupported public key algorithm {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value}: expected RSA or ECC");
    }

    /// <summary>The DNS SANs, lower-cased; the subject CN only when the certificate has no DNS SAN.</summary>
    private static List<string> ReadDnsNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value == SubjectAltNameOid && extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames().Select(n => n.ToLowerInvariant()));
            }
        }

        if (names.Count == 0)
        {
            var cn = ReadCommonName(certificate);
            if (!string.IsNullOrEmpty(cn))
            {
                names.Add(cn.ToLowerInvariant());
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The subject's CN only: <see cref="X509Certificate2.GetNameInfo"/> with SimpleName falls back to O, OU or the e-mail
    /// address, which are not host names.
    /// </summary>
    private static string? ReadCommonName(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => !rdn.HasMultipleElements && rdn.GetSingleElementType().Value == CommonNameOid)
            .Select(rdn => rdn.GetSingleElementValue())
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
