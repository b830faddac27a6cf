using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates.Loading;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Certificates;

/// <summary>The trust anchors for client certificates of one configuration snapshot, by <c>CertificateId</c>.</summary>
public sealed class CaCertificateStore
{
    private CaCertificateStore(IReadOnlyDictionary<string, X509Certificate2Collection> byId)
    {
        ById = byId;
    }

    public IReadOnlyDictionary<string, X509Certificate2Collection> ById { get; }

    public static CaCertificateStoreLoadResult Load(IReadOnlyList<CaCertificateConfig> cas, Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(cas);
        ArgumentNullException.ThrowIfNull(resolvePath);
        var (byId, errors) = StoreAssembler.Run(cas, (config, index) => CaCertificateLoader.Load(config, index, resolvePath), "CaCertificate");
        return new CaCertificateStoreLoadResult(new CaCertificateStore(byId), errors);
    }
}
