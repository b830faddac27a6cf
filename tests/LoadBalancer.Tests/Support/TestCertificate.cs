using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Tests.Support;

/// <summary>A certificate made by <see cref="TestPki"/>, with its private key and the issuer it chains to.</summary>
public sealed class TestCertificate
{
    public const string EncryptedKeyPassword = "test-password";

    internal TestCertificate(X509Certificate2 certificate, AsymmetricAlgorithm key, TestCertificate? issuer)
    {
        Certificate = certificate;
        Key = key;
        Issuer = issuer;
    }

    /// <summary>The certificate, carrying its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public AsymmetricAlgorithm Key { get; }

    /// <summary>Who signed it; null for a self-signed root.</summary>
    public TestCertificate? Issuer { get; }

    public bool IsRoot => Issuer is null;

    /// <summary>The issuers between this certificate and its root, nearest first (the root itself excluded).</summary>
    public IReadOnlyList<TestCertificate> Intermediates
    {
        get
        {
            var chain = new List<TestCertificate>();
            for (var at = Issuer; at is { IsRoot: false }; at = at.Issuer)
            {
                chain.Add(at);
            }

            return chain;
        }
    }

    /// <summary>The root this certificate chains to (itself for a root).</summary>
    public TestCertificate Root => Issuer?.Root ?? this;

    public string CertificatePem(bool includeChain = false) =>
        string.Concat(new[] { this }.Concat(includeChain ? Intermediates : []).Select(c => c.Certificate.ExportCertificatePem() + "\n"));

    public string KeyPem(KeyFormat format = KeyFormat.Pkcs8) => format switch
    {
        KeyFormat.Traditional when Key is RSA rsa => rsa.ExportRSAPrivateKeyPem() + "\n",
        KeyFormat.Traditional when Key is ECDsa ecdsa => ecdsa.ExportECPrivateKeyPem() + "\n",
        KeyFormat.EncryptedPkcs8 => Key.ExportEncryptedPkcs8PrivateKeyPem(
            EncryptedKeyPassword, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)) + "\n",
        _ => Key.ExportPkcs8PrivateKeyPem() + "\n",
    };

    /// <summary>Writes the PEM certificate (and its intermediates when asked) to <paramref name="path"/>; returns the path.</summary>
    public string WriteCertificate(string path, bool includeChain = false)
    {
        File.WriteAllText(path, CertificatePem(includeChain));
        return path;
    }

    public string WriteKey(string path, KeyFormat format = KeyFormat.Pkcs8)
    {
        File.WriteAllText(path, KeyPem(format));
        return path;
    }

    public override string ToString() => Certificate.Subject;
}
