using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>
/// A TLCP server's dual certificate: the signing certificate and key, the encryption certificate and key, and the CA
/// chain sent after them. Checked on creation; immutable; build once per configuration, share across handshakes.
/// </summary>
public sealed class TlcpServerCredentials
{
    private TlcpServerCredentials(
        X509Certificate sign, ECPrivateKeyParameters signKey, X509Certificate encryption, ECPrivateKeyParameters encryptionKey, IReadOnlyList<X509Certificate> chain)
    {
        SignCertificate = sign;
        Signer = new Sm2SigningKey(signKey);
        SignKey = Signer.Key;
        EncryptionCertificate = encryption;
        EncryptionKey = Sm2.OnDomain(encryptionKey);
        Chain = chain;
        DnsNames = Sm2CertificateChecks.DnsNames(sign);
        NotBefore = Later(sign.NotBefore, encryption.NotBefore);
        NotAfter = Earlier(sign.NotAfter, encryption.NotAfter);
        CertificateEntries = [sign.GetEncoded(), encryption.GetEncoded(), .. chain.Select(c => c.GetEncoded())];
        var encryptionDer = CertificateEntries[1];
        EncodedEncryptionCertificate = [(byte)(encryptionDer.Length >> 16), (byte)(encryptionDer.Length >> 8), (byte)encryptionDer.Length, .. encryptionDer];
    }

    public X509Certificate SignCertificate { get; }

    public X509Certificate EncryptionCertificate { get; }

    /// <summary>CA certificates sent after the two leaves, issuer of the leaves first.</summary>
    public IReadOnlyList<X509Certificate> Chain { get; }

    /// <summary>The DNS names of both certificates (subjectAltName, or the subject CN when there is none).</summary>
    public IReadOnlyList<string> DnsNames { get; }

    /// <summary>The key size in bits (SM2: 256), for ranking beside RSA and ECC certificates.</summary>
    public int KeySizeBits => SignKey.Parameters.Curve.FieldSize;

    /// <summary>The later NotBefore of the two certificates (UTC).</summary>
    public DateTime NotBefore { get; }

    /// <summary>The earlier NotAfter of the two certificates (UTC): the pair serves until then.</summary>
    public DateTime NotAfter { get; }

    internal ECPrivateKeyParameters SignKey { get; }

    /// <summary>The signing key with its Z value and inverse precomputed.</summary>
    internal Sm2SigningKey Signer { get; }

    internal ECPrivateKeyParameters EncryptionKey { get; }

    /// <summary>The DER entries of the server's Certificate message: signing, encryption, chain.</summary>
    internal IReadOnlyList<byte[]> CertificateEntries { get; }

    /// <summary><c>uint24 length || DER</c> of the encryption certificate: the tail of the ECC suites' signed ServerKeyExchange content.</summary>
    internal byte[] EncodedEncryptionCertificate { get; }

    /// <summary>Checks and combines a dual certificate; throws <see cref="TlcpCredentialsException"/> with every problem.</summary>
    public static TlcpServerCredentials Create(
        X509Certificate signCertificate,
        ECPrivateKeyParameters signKey,
        X509Certificate encryptionCertificate,
        ECPrivateKeyParameters encryptionKey,
        IEnumerable<X509Certificate>? chain = null)
    {
        ArgumentNullException.ThrowIfNull(signCertificate);
        ArgumentNullException.ThrowIfNull(signKey);
        ArgumentNullException.ThrowIfNull(encryptionCertificate);
        ArgumentNullException.ThrowIfNull(encryptionKey);
        var problems = CredentialChecks.Problems(signCertificate, signKey, encryptionCertificate, encryptionKey);
        if (problems.Count > 0)
        {
            throw new TlcpCredentialsException(problems);
        }

        return new TlcpServerCredentials(signCertificate, signKey, encryptionCertificate, encryptionKey, [.. chain ?? []]);
    }

    /// <summary>
    /// Reads PEM text: each certificate text has its leaf first, then CA certificates (the chain: those of the signing
    /// text, then any others of the encryption text); each key text one SM2 key (PKCS#8 or SEC1).
    /// </summary>
    public static TlcpServerCredentials FromPem(string signCertificatePem, string signKeyPem, string encryptionCertificatePem, string encryptionKeyPem)
    {
        var signCertificates = Sm2Pem.ReadCertificates(signCertificatePem);
        var encryptionCertificates = Sm2Pem.ReadCertificates(encryptionCertificatePem);
        var signKey = Sm2Pem.ReadPrivateKey(signKeyPem);
        var encryptionKey = Sm2Pem.ReadPrivateKey(encryptionKeyPem);
        var problems = new List<string>();
        if (signCertificates.Count == 0) problems.Add("the signing certificate text has no PEM certificate");
        if (encryptionCertificates.Count == 0) problems.Add("the encryption certificate text has no PEM certificate");
        if (signKey is null) problems.Add("the signing key text has no unencrypted EC private key");
        if (encryptionKey is null) problems.Add("the encryption key text has no unencrypted EC private key");
        if (problems.Count > 0)
        {
            throw new TlcpCredentialsException(problems);
        }

        var chain = signCertificates.Skip(1).ToList();
        chain.AddRange(encryptionCertificates.Skip(1).Where(c => !chain.Contains(c)));
        return Create(signCertificates[0], signKey!, encryptionCertificates[0], encryptionKey!, chain);
    }

    /// <summary><see cref="FromPem"/> on the contents of four files.</summary>
    public static TlcpServerCredentials FromPemFiles(string signCertificatePath, string signKeyPath, string encryptionCertificatePath, string encryptionKeyPath) =>
        FromPem(File.ReadAllText(signCertificatePath), File.ReadAllText(signKeyPath), File.ReadAllText(encryptionCertificatePath), File.ReadAllText(encryptionKeyPath));

    private static DateTime Later(DateTime a, DateTime b) => a.ToUniversalTime() > b.ToUniversalTime() ? a.ToUniversalTime() : b.ToUniversalTime();

    private static DateTime Earlier(DateTime a, DateTime b) => a.ToUniversalTime() < b.ToUniversalTime() ? a.ToUniversalTime() : b.ToUniversalTime();
}
