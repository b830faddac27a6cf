using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Support;

/// <summary>Signs a certificate with md5WithRSAEncryption, which .NET refuses to do: BouncyCastle does the signing.</summary>
internal static class Md5CertificateSigner
{
    public static X509Certificate2 Sign(
        X500DistinguishedName subject, X500DistinguishedName issuer, PublicKey publicKey, byte[] serial,
        DateTimeOffset notBefore, DateTimeOffset notAfter, IEnumerable<System.Security.Cryptography.X509Certificates.X509Extension> extensions, AsymmetricAlgorithm issuerKey)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, serial));
        generator.SetSubjectDN(X509Name.GetInstance(Asn1Object.FromByteArray(subject.RawData)));
        generator.SetIssuerDN(X509Name.GetInstance(Asn1Object.FromByteArray(issuer.RawData)));
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetPublicKey(PublicKeyFactory.CreateKey(publicKey.ExportSubjectPublicKeyInfo()));
        foreach (var extension in extensions)
        {
            generator.AddExtension(extension.Oid!.Value!, extension.Critical, Asn1Object.FromByteArray(extension.RawData));
        }

        var signer = new Asn1SignatureFactory("MD5WithRSAEncryption", PrivateKeyFactory.CreateKey(issuerKey.ExportPkcs8PrivateKey()));
        return X509CertificateLoader.LoadCertificate(generator.Generate(signer).GetEncoded());
    }
}
