using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>Server credentials are checked on creation; the factory signs with the SM2 ID 1234567812345678.</summary>
public sealed class CredentialsTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void FactorySignsWithTheDefaultSm2UserId()
    {
        var pki = TlcpTestPki.Shared;
        var certificate = pki.ServerSign.Certificate;
        var caKey = (ECPublicKeyParameters)pki.Ca.Certificate.GetPublicKey();

        Assert.True(VerifyWithId(certificate, caKey, "1234567812345678"u8.ToArray()));
        Assert.False(VerifyWithId(certificate, caKey, []));
        Assert.Equal("1.2.156.10197.1.501", certificate.SigAlgOid);
        Assert.True(certificate.SerialNumber.BitLength > 32);
        Assert.Equal(-1, certificate.GetBasicConstraints());
    }

    [Fact]
    public void LoadsTheVectorCredentialsFromPem()
    {
        var credentials = CapturedSession.ServerCredentials();

        Assert.Equal(["localhost"], credentials.DnsNames);
        Assert.Equal(256, credentials.KeySizeBits);
        Assert.Equal(2027, credentials.NotAfter.Year);
    }

    [Fact]
    public void RefusesSwappedKeys()
    {
        var pki = TlcpTestPki.Shared;

        var error = Assert.Throws<TlcpCredentialsException>(() => TlcpServerCredentials.Create(
            pki.ServerSign.Certificate, pki.ServerEncrypt.PrivateKey, pki.ServerEncrypt.Certificate, pki.ServerSign.PrivateKey));

        Assert.Contains("the signing key does not match the signing certificate", error.Problems);
        Assert.Contains("the encryption key does not match the encryption certificate", error.Problems);
    }

    [Fact]
    public void RefusesSwappedCertificatesForTheirKeyUsage()
    {
        var pki = TlcpTestPki.Shared;

        var error = Assert.Throws<TlcpCredentialsException>(() => TlcpServerCredentials.Create(
            pki.ServerEncrypt.Certificate, pki.ServerEncrypt.PrivateKey, pki.ServerSign.Certificate, pki.ServerSign.PrivateKey));

        Assert.Contains("the signing certificate's keyUsage lacks digitalSignature", error.Problems);
        Assert.Contains("the encryption certificate's keyUsage lacks keyEncipherment", error.Problems);
    }

    [Fact]
    public void RefusesCertificatesForDifferentHosts()
    {
        var pki = TlcpTestPki.Shared;
        var other = Sm2CertificateFactory.CreateLeaf(pki.Ca, ["other.example.com"], Sm2CertificateUsage.Encrypt, Now.AddDays(-1), Now.AddDays(1));

        var error = Assert.Throws<TlcpCredentialsException>(() => TlcpServerCredentials.Create(
            pki.ServerSign.Certificate, pki.ServerSign.PrivateKey, other.Certificate, other.PrivateKey));

        Assert.Contains(error.Problems, p => p.Contains("both must name the same hosts", StringComparison.Ordinal));
    }

    [Fact]
    public void PemRoundTripKeepsTheChain()
    {
        var pki = TlcpTestPki.Shared;

        var credentials = TlcpServerCredentials.FromPem(
            pki.ServerSign.CertificatePem + pki.Ca.CertificatePem, pki.ServerSign.PrivateKeyPem,
            pki.ServerEncrypt.CertificatePem + pki.Ca.CertificatePem, pki.ServerEncrypt.PrivateKeyPem);

        Assert.Equal([pki.Ca.Certificate], credentials.Chain);
        Assert.Equal(["localhost", "www.example.com"], credentials.DnsNames);
    }

    [Fact]
    public void PemWithoutKeysNamesEveryMissingPart()
    {
        var error = Assert.Throws<TlcpCredentialsException>(() => TlcpServerCredentials.FromPem("", "", "", ""));

        Assert.Equal(4, error.Problems.Count);
    }

    private static bool VerifyWithId(Org.BouncyCastle.X509.X509Certificate certificate, ECPublicKeyParameters key, byte[] id)
    {
        var signer = new SM2Signer();
        signer.Init(false, new Org.BouncyCastle.Crypto.Parameters.ParametersWithID(key, id));
        var tbs = certificate.GetTbsCertificate();
        signer.BlockUpdate(tbs, 0, tbs.Length);
        return signer.VerifySignature(certificate.GetSignature());
    }
}
