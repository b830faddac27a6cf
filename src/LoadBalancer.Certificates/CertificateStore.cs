using LoadBalancer.Certificates.Loading;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Certificates;

/// <summary>
/// The RSA/ECC server certificates of one configuration snapshot, by <c>CertificateId</c>. An entry that fails to load
/// is absent and has its errors in the load result; SM2 entries are loaded elsewhere.
/// </summary>
public sealed class CertificateStore
{
    private CertificateStore(IReadOnlyDictionary<string, ServerCertificate> byId)
    {
        ById = byId;
    }

    public IReadOnlyDictionary<string, ServerCertificate> ById { get; }

    /// <summary>Loads every RSA/ECC entry in parallel; <paramref name="resolvePath"/> makes a file path absolute.</summary>
    public static CertificateStoreLoadResult Load(IReadOnlyList<CertificateConfig> certificates, Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(resolvePath);
        var nowUtc = DateTime.UtcNow;
        var entries = certificates.Select((config, index) => (config, index)).Where(e => !e.config.IsSm2).ToList();
        var (byId, errors) = StoreAssembler.Run(
            entries,
            (entry, _) => ServerCertificateLoader.Load(entry.config, entry.index, resolvePath, nowUtc),
            "Certificate");
        return new CertificateStoreLoadResult(new CertificateStore(byId), errors);
    }
}
