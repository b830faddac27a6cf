using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>
/// Makes SM2 certificates as the strict TLCP peers want them: SM3withSM2 signatures with the user ID 1234567812345678
/// (BouncyCastle's SM2 signer default), 16-byte serials, no basicConstraints on leaves, sign and encryption certificates
/// with the same subject and subjectAltName.
/// </summary>
public static class Sm2CertificateFactory
{
    private const string SignatureAlgorithm = "SM3WITHSM2";
    private static readonly SecureRandom Random = new();

    public static Sm2IssuedCertificate CreateRootCa(string commonName, DateTime notBefore, DateTime notAfter)
    {
        var key = Sm2.GenerateKeyPair(Random);
        var subject = Name(commonName);
        var generator = NewGenerator(subject, subject, (ECPublicKeyParameters)key.Public, notBefore, notAfter);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(key.Public));
        var private_ = (ECPrivateKeyParameters)key.Private;
        return new Sm2IssuedCertificate(generator.Generate(new Asn1SignatureFactory(SignatureAlgorithm, private_, Random)), private_);
    }

    /// <summary>A leaf for <paramref name="dnsNames"/> (subject CN the first name) signed by <paramref name="issuer"/>.</summary>
    public static Sm2IssuedCertificate CreateLeaf(
        Sm2IssuedCertificate issuer, IReadOnlyList<string> dnsNames, Sm2CertificateUsage usage, DateTime notBefore, DateTime notAfter, string? commonName = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(dnsNames);
        var key = Sm2.GenerateKeyPair(Random);
        var generator = NewGenerator(
            issuer.Certificate.SubjectDN, Name(commonName ?? dnsNames[0]), (ECPublicKeyParameters)key.Public, notBefore, notAfter);
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(usage == Sm2CertificateUsage.Sign
            ? KeyUsage.DigitalSignature | KeyUsage.NonRepudiation
            : KeyUsage.KeyEncipherment | KeyUsage.DataEncipherment | KeyUsage.KeyAgreement));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(key.Public));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Certificate));
        if (dnsNames.Count > 0)
        {
            var names = dnsNames.Select(n => new GeneralName(GeneralName.DnsName, n)).ToArray();
            generator.AddExtension(X509Extensions.SubjectAlternativeName, false, new GeneralNames(names));
        }

        var signature = new Asn1SignatureFactory(SignatureAlgorithm, issuer.PrivateKey, Random);
        return new Sm2IssuedCertificate(generator.Generate(signature), (ECPrivateKeyParameters)key.Private);
    }

    /// <summary>A signing and an encryption certificate for the same names, as a TLCP server or ECDHE client uses them.</summary>
    public static (Sm2IssuedCertificate Sign, Sm2IssuedCertificate Encrypt) CreateDualLeaf(
        Sm2IssuedCertificate issuer, IReadOnlyList<string> dnsNames, DateTime notBefore, DateTime notAfter, string? commonName = null) =>
        (CreateLeaf(issuer, dnsNames, Sm2CertificateUsage.Sign, notBefore, notAfter, commonName),
         CreateLeaf(issuer, dnsNames, Sm2CertificateUsage.Encrypt, notBefore, notAfter, commonName));

    private static X509V3CertificateGenerator NewGenerator(
        X509Name issuer, X509Name subject, ECPublicKeyParameters key, DateTime notBefore, DateTime notAfter)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, Random.GenerateSeed(16)).SetBit(120));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.ToUniversalTime());
        generator.SetNotAfter(notAfter.ToUniversalTime());
        generator.SetPublicKey(key);
        return generator;
    }

    private static X509Name Name(string commonName) =>
        new(new List<DerObjectIdentifier> { X509Name.C, X509Name.O, X509Name.CN }, new List<string> { "CN", "LoadBalancer", commonName });
}
