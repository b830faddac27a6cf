using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>Questions asked of SM2 certificates by both the server's credentials and the client's certificates.</summary>
public static class Sm2CertificateChecks
{
    public const int DigitalSignature = 0;
    public const int KeyEncipherment = 2;
    public const int DataEncipherment = 3;
    public const int KeyAgreement = 4;

    public static bool HasSm2Key(X509Certificate certificate)
    {
        try
        {
            return certificate.GetPublicKey() is ECPublicKeyParameters key && Sm2.IsSm2Key(key);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    /// <summary>Whether keyUsage is present and has bit <paramref name="bit"/>.</summary>
    public static bool HasKeyUsage(X509Certificate certificate, int bit)
    {
        var usage = certificate.GetKeyUsage();
        return usage is not null && bit < usage.Length && usage[bit];
    }

    public static bool IsEncryptionUsage(X509Certificate certificate) =>
        HasKeyUsage(certificate, KeyEncipherment) || HasKeyUsage(certificate, DataEncipherment) || HasKeyUsage(certificate, KeyAgreement);

    public static bool IsCa(X509Certificate certificate) => certificate.GetBasicConstraints() >= 0;

    public static bool IsValidAt(X509Certificate certificate, DateTime utcNow) =>
        utcNow >= certificate.NotBefore.ToUniversalTime() && utcNow <= certificate.NotAfter.ToUniversalTime();

    /// <summary>Whether <paramref name="issuer"/>'s key signed <paramref name="certificate"/> (SM3withSM2, default ID).</summary>
    public static bool IsSignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        if (!certificate.IssuerDN.Equivalent(issuer.SubjectDN))
        {
            return false;
        }

        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException
            or Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException
            or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The DNS names of subjectAltName, or the subject CN when there are none.</summary>
    public static IReadOnlyList<string> DnsNames(X509Certificate certificate)
    {
        var names = new List<string>();
        var alternative = certificate.GetSubjectAlternativeNameExtension();
        foreach (var name in alternative?.GetNames() ?? [])
        {
            if (name.TagNo == GeneralName.DnsName)
            {
                names.Add(name.Name.ToString()!);
            }
        }

        if (names.Count == 0)
        {
            names.AddRange(certificate.SubjectDN.GetValueList(X509Name.CN).Select(value => value.ToString()!));
        }

        return names;
    }
}
