using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Reading;

/// <summary>The record types that are resources of their own, the word errors use for them and their id key.</summary>
internal sealed record ResourceKind(string Name, string IdKey)
{
    private static readonly Dictionary<Type, ResourceKind> s_kinds = new()
    {
        [typeof(CertificateConfig)] = new("Certificate", nameof(CertificateConfig.CertificateId)),
        [typeof(CaCertificateConfig)] = new("CaCertificate", nameof(CaCertificateConfig.CertificateId)),
        [typeof(SecurityPolicyConfig)] = new("SecurityPolicy", nameof(SecurityPolicyConfig.SecurityPolicyId)),
        [typeof(ServerGroupConfig)] = new("ServerGroup", nameof(ServerGroupConfig.ServerGroupId)),
        [typeof(DemoBackendConfig)] = new("DemoBackend", nameof(DemoBackendConfig.DemoBackendId)),
        [typeof(LoadBalancerInstanceConfig)] = new("LoadBalancer", nameof(LoadBalancerInstanceConfig.LoadBalancerId)),
        [typeof(ListenerConfig)] = new("Listener", nameof(ListenerConfig.ListenerId)),
    };

    public static ResourceKind? Of(Type type) => s_kinds.GetValueOrDefault(type);
}
