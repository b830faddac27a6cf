using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates.ClientAuth;
using LoadBalancer.Certificates.Loading;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Certificates;

/// <summary>The trust anchors for client certificates of one configuration snapshot, by <c>CertificateId</c>.</summary>
public sealed class CaCertificateStore
{
    private CaCertificateStore(IReadOnlyDictionary<string, LoadedCa> loaded)
    {
        ById = loaded.ToDictionary(p => p.Key, p => p.Value.Certificates, StringComparer.Ordinal);
        PoliciesById = loaded.ToDictionary(
            p => p.Key, p => ClientCertificatePolicy.Create(p.Key, p.Value.Certificates, p.Value.Crls), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, X509Certificate2Collection> ById { get; }

    /// <summary>The client-certificate policy of each loaded entry, built once for this snapshot.</summary>
    public IReadOnlyDictionary<string, ClientCertificatePolicy> PoliciesById { get; }

    public static CaCertificateStoreLoadResult Load(IReadOnlyList<CaCertificateConfig> cas, Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(cas);
        ArgumentNullException.ThrowIfNull(resolvePath);
        var (loaded, errors) = StoreAssembler.Run(cas, (config, index) => CaCertificateLoader.Load(config, index, resolvePath), "CaCertificate");
        return new CaCertificateStoreLoadResult(new CaCertificateStore(loaded), errors);
    }
}
