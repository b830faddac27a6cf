using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates;

/// <summary>
/// A loaded RSA or ECC server certificate: the leaf, its private key, the intermediates sent with it, and the facts
/// selection ranks by. Immutable; belongs to one configuration snapshot. The costly steps (attaching the key to the
/// certificate, building the chain context) run on first use, once, so loading 10,000 certificates stays fast.
/// </summary>
public sealed class ServerCertificate
{
    private readonly Lazy<X509Certificate2> _leaf;
    private readonly Lazy<SslStreamCertificateContext> _context;

    /// <summary>A certificate that already carries its private key.</summary>
    public ServerCertificate(string id, int fileOrder, X509Certificate2 leaf, X509Certificate2Collection intermediates)
        : this(id, fileOrder, leaf, intermediates, () => leaf)
    {
    }

    /// <summary>A certificate whose private key (already checked to match) is attached by <paramref name="attachKey"/> on first use.</summary>
    public ServerCertificate(string id, int fileOrder, X509Certificate2 certificate, X509Certificate2Collection intermediates, Func<X509Certificate2> attachKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Id = id;
        FileOrder = fileOrder;
        Certificate = certificate;
        Intermediates = intermediates;
        Facts = CertificateFacts.Read(certificate);
        _leaf = new Lazy<X509Certificate2>(attachKey, LazyThreadSafetyMode.ExecutionAndPublication);
        _context = new Lazy<SslStreamCertificateContext>(
            () => SslStreamCertificateContext.Create(Leaf, Intermediates, offline: true),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Id { get; }

    /// <summary>Position in the file's Certificates list: the last tie-breaker.</summary>
    public int FileOrder { get; }

    /// <summary>The leaf as read from the file (public parts only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The leaf with its private key attached (attached on first use).</summary>
    public X509Certificate2 Leaf => _leaf.Value;

    public X509Certificate2Collection Intermediates { get; }

    public CertificateFacts Facts { get; }

    public SslStreamCertificateContext Context => _context.Value;

    public override string ToString() => $"{Id} ({Facts})";
}
