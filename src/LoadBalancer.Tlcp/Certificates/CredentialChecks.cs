using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>What a dual certificate must satisfy: SM2 keys matching their certificates, the usages, the same host names.</summary>
internal static class CredentialChecks
{
    public static List<string> Problems(
        X509Certificate sign, ECPrivateKeyParameters signKey, X509Certificate encryption, ECPrivateKeyParameters encryptionKey)
    {
        var problems = new List<string>();
        CheckKey(problems, "signing", sign, signKey);
        CheckKey(problems, "encryption", encryption, encryptionKey);
        if (!Sm2CertificateChecks.HasKeyUsage(sign, Sm2CertificateChecks.DigitalSignature))
        {
            problems.Add("the signing certificate's keyUsage lacks digitalSignature");
        }

        if (!Sm2CertificateChecks.HasKeyUsage(encryption, Sm2CertificateChecks.KeyEncipherment))
        {
            problems.Add("the encryption certificate's keyUsage lacks keyEncipherment");
        }

        CheckNames(problems, sign, encryption);
        return problems;
    }

    private static void CheckKey(List<string> problems, string role, X509Certificate certificate, ECPrivateKeyParameters key)
    {
        if (!Sm2CertificateChecks.HasSm2Key(certificate))
        {
            problems.Add($"the {role} certificate does not have an SM2 public key");
            return;
        }

        if (!Sm2.IsSm2Key(key))
        {
            problems.Add($"the {role} key is not an SM2 key");
            return;
        }

        var expected = ((ECPublicKeyParameters)certificate.GetPublicKey()).Q;
        if (!Sm2.PublicFromPrivate(key).Q.Equals(expected))
        {
            problems.Add($"the {role} key does not match the {role} certificate");
        }
    }

    private static void CheckNames(List<string> problems, X509Certificate sign, X509Certificate encryption)
    {
        var signNames = Sm2CertificateChecks.DnsNames(sign);
        var encryptionNames = Sm2CertificateChecks.DnsNames(encryption);
        if (signNames.Count == 0)
        {
            problems.Add("the signing certificate names no host (no DNS subjectAltName and no CN)");
        }

        if (!new HashSet<string>(signNames, StringComparer.OrdinalIgnoreCase).SetEquals(encryptionNames))
        {
            problems.Add($"the signing certificate names {string.Join(", ", signNames)} but the encryption certificate {string.Join(", ", encryptionNames)}: both must name the same hosts");
        }
    }
}
