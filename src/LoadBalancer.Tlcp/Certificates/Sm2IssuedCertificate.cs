using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>A certificate made by <see cref="Sm2CertificateFactory"/> with its private key.</summary>
public sealed record Sm2IssuedCertificate(X509Certificate Certificate, ECPrivateKeyParameters PrivateKey)
{
    public string CertificatePem => Sm2Pem.Write(Certificate);

    /// <summary>The key as unencrypted PKCS#8 PEM.</summary>
    public string PrivateKeyPem => Sm2Pem.Write(PrivateKey);
}
