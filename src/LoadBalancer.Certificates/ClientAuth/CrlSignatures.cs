using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>Finds which CA certificate signed a CRL: same name as the CRL's issuer and a key that verifies it.</summary>
internal static class CrlSignatures
{
    public static X509Certificate2? FindSigner(X509Crl crl, X509Certificate2Collection candidates)
    {
        ArgumentNullException.ThrowIfNull(crl);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var candidate in candidates)
        {
            var issuer = new BcCertificate(candidate.RawData);
            if (issuer.SubjectDN.Equivalent(crl.IssuerDN) && Verifies(crl, issuer))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool Verifies(X509Crl crl, BcCertificate issuer)
    {
        try
        {
            return crl.IsSignatureValid(issuer.GetPublicKey());
        }
        catch (Exception ex) when (ex is InvalidKeyException or SignatureException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }
}
