using LoadBalancer.Certificates;
using LoadBalancer.Certificates.Sm2;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Hosting;

/// <summary>
/// The mutual-TLCP extension, checked once the CA files are loaded: <c>CaEnabled</c> on a listener whose certificates
/// are all SM2 needs its CaCertificates entry to be an SM2 CA (what the product refuses, mutual TLS beside SM2
/// certificates, stays refused for RSA/ECC CAs).
/// </summary>
internal static class MutualTlcp
{
    public static IEnumerable<ConfigError> Check(LoadBalancerConfig config, CaCertificateStore cas)
    {
        foreach (var instance in config.LoadBalancers)
        {
            foreach (var listener in instance.Listeners.Where(l => l.CaEnabled == true && l.ListenerProtocol == "HTTPS"))
            {
                var certificates = (listener.Certificates ?? []).Concat(listener.AdditionalCertificates ?? [])
                    .Select(r => config.Certificates.Find(c => c.CertificateId == r.CertificateId))
                    .ToList();
                var caId = listener.CaCertificates?.FirstOrDefault()?.CertificateId;
                if (certificates.Count == 0 || !certificates.TrueForAll(c => c is { IsSm2: true }) || caId is null || !cas.ById.TryGetValue(caId, out var ca))
                {
                    continue;
                }

                if (Sm2ClientCa.From(ca) is null)
                {
                    yield return new ConfigError($"Listener '{listener.ListenerId}' (LoadBalancer '{instance.LoadBalancerId}')", "CaCertificates[0].CertificateId",
                        $"'{caId}' is not an SM2 CA: a listener whose certificates are all SM2 verifies TLCP client certificates (the mutual-TLCP extension) and needs an SM2 CA");
                }
            }
        }
    }
}
