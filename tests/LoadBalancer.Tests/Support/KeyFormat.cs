namespace LoadBalancer.Tests.Support;

/// <summary>How <see cref="TestPki"/> writes a private key.</summary>
public enum KeyFormat
{
    /// <summary>PKCS#8: PEM label <c>PRIVATE KEY</c>.</summary>
    Pkcs8,

    /// <summary>Traditional: PEM label <c>RSA PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>.</summary>
    Traditional,

    /// <summary>Encrypted PKCS#8: PEM label <c>ENCRYPTED PRIVATE KEY</c>, password <see cref="TestCertificate.EncryptedKeyPassword"/>.</summary>
    EncryptedPkcs8,
}
