using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>The client's certificates after verification: signing (always), encryption (ECDHE suites), and all it sent.</summary>
internal sealed record ClientCertificates(
    X509Certificate SignCertificate,
    X509Certificate? EncryptionCertificate,
    IReadOnlyList<X509Certificate> Presented)
{
    public ECPublicKeyParameters SignKey => (ECPublicKeyParameters)SignCertificate.GetPublicKey();

    public ECPublicKeyParameters? EncryptionKey => (ECPublicKeyParameters?)EncryptionCertificate?.GetPublicKey();
}
