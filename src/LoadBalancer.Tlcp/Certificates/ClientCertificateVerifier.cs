using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>
/// Verifies a client's Certificate message against the configured SM2 CAs: the signing certificate (entry 0) and, for
/// ECDHE, the encryption certificate (entry 1) must each chain to a CA through certificates the client sent, be valid
/// now, carry an SM2 key and the right key usage. Entries after the leaves may be the encryption certificate or CAs.
/// </summary>
internal static class ClientCertificateVerifier
{
    private const int MaxDepth = 5;

    public static ClientCertificates Verify(
        IReadOnlyList<X509Certificate> presented, bool needEncryption, IReadOnlyList<X509Certificate> authorities, DateTime utcNow)
    {
        if (presented.Count == 0 || (needEncryption && presented.Count < 2))
        {
            throw new TlcpException(TlcpAlert.HandshakeFailure,
                needEncryption ? "client sent no signing and encryption certificates" : "client sent no certificate");
        }

        var sign = presented[0];
        CheckLeaf(sign, "signing", Sm2CertificateChecks.HasKeyUsage(sign, Sm2CertificateChecks.DigitalSignature), presented, authorities, utcNow);
        X509Certificate? encryption = null;
        if (needEncryption)
        {
            encryption = presented[1];
            CheckLeaf(encryption, "encryption", Sm2CertificateChecks.IsEncryptionUsage(encryption), presented, authorities, utcNow);
        }

        return new ClientCertificates(sign, encryption, presented);
    }

    private static void CheckLeaf(
        X509Certificate leaf, string role, bool usageOk, IReadOnlyList<X509Certificate> presented, IReadOnlyList<X509Certificate> authorities, DateTime utcNow)
    {
        if (!Sm2CertificateChecks.HasSm2Key(leaf))
        {
            throw new TlcpException(TlcpAlert.UnsupportedCertificate, $"client {role} certificate has no SM2 key");
        }

        if (!usageOk || Sm2CertificateChecks.IsCa(leaf))
        {
            throw new TlcpException(TlcpAlert.UnsupportedCertificate, $"client {role} certificate lacks the {role} key usage");
        }

        CheckChain(leaf, role, presented, authorities, utcNow);
    }

    private static void CheckChain(
        X509Certificate leaf, string role, IReadOnlyList<X509Certificate> presented, IReadOnlyList<X509Certificate> authorities, DateTime utcNow)
    {
        var current = leaf;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (!Sm2CertificateChecks.IsValidAt(current, utcNow))
            {
                throw new TlcpException(TlcpAlert.CertificateExpired, $"client {role} certificate chain has a certificate outside its validity: {current.SubjectDN}");
            }

            var anchor = authorities.FirstOrDefault(ca => Sm2CertificateChecks.IsSignedBy(current, ca));
            if (anchor is not null)
            {
                if (!Sm2CertificateChecks.IsValidAt(anchor, utcNow))
                {
                    throw new TlcpException(TlcpAlert.CertificateExpired, $"client CA {anchor.SubjectDN} is outside its validity");
                }

                return;
            }

            var next = presented.FirstOrDefault(c => !ReferenceEquals(c, current) && Sm2CertificateChecks.IsCa(c) && Sm2CertificateChecks.IsSignedBy(current, c));
            current = next ?? throw new TlcpException(TlcpAlert.UnknownCa, $"client {role} certificate is not issued by a trusted CA: {leaf.IssuerDN}");
        }

        throw new TlcpException(TlcpAlert.UnknownCa, $"client {role} certificate chain is longer than {MaxDepth}");
    }
}
