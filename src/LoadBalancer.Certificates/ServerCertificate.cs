using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates;

/// <summary>
/// A loaded RSA or ECC server certificate: the leaf with its private key, the intermediates sent with it, and the
/// facts selection ranks by. Immutable; belongs to one configuration snapshot.
/// </summary>
public sealed class ServerCertificate
{
    private readonly Lazy<SslStreamCertificateContext> _context;

    public ServerCertificate(string id, int fileOrder, X509Certificate2 leaf, X509Certificate2Collection intermediates)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        Id = id;
        FileOrder = fileOrder;
        Leaf = leaf;
        Intermediates = intermediates;
        Facts = CertificateFacts.Read(leaf);
        // Building the chain context costs about a millisecond; do it on first use, once per snapshot.
        _context = new Lazy<SslStreamCertificateContext>(
            () => SslStreamCertificateContext.Create(Leaf, Intermediates, offline: true),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Id { get; }

    /// <summary>Position in the file's Certificates list: the last tie-breaker.</summary>
    public int FileOrder { get; }

    public X509Certificate2 Leaf { get; }

    public X509Certificate2Collection Intermediates { get; }

    public CertificateFacts Facts { get; }

    public SslStreamCertificateContext Context => _context.Value;

    public override string ToString() => $"{Id} ({Facts})";
}
