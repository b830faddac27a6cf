namespace LoadBalancer.Tests.Support;

/// <summary>How <see cref="TestPki"/> writes a private key.</summary>
public enum KeyFormat
{
    /// <summary><c>-----BEGIN PRIVATE KEY-----</c></summary>
    Pkcs8,

    /// <summary><c>-----BEGIN RSA PRIVATE KEY-----</c> or <c>-----BEGIN EC PRIVATE KEY-----</c></summary>
    Traditional,

    /// <summary><c>-----BEGIN ENCRYPTED PRIVATE KEY-----</c>, password <see cref="TestCertificate.EncryptedKeyPassword"/>.</summary>
    EncryptedPkcs8,
}
