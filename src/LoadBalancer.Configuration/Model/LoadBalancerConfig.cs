namespace LoadBalancer.Configuration.Model;

/// <summary>The whole listener file (see shared/design/config.md), exactly as written.</summary>
public sealed record LoadBalancerConfig
{
    public List<CertificateConfig> Certificates { get; init; } = [];
    public List<CaCertificateConfig> CaCertificates { get; init; } = [];
    public List<SecurityPolicyConfig> SecurityPolicies { get; init; } = [];
    public List<ServerGroupConfig> ServerGroups { get; init; } = [];
    public List<LoadBalancerInstanceConfig> LoadBalancers { get; init; } = [];

    /// <summary>Quotas raised beyond the product's defaults (Quota Center).</summary>
    public QuotasConfig? Quotas { get; init; }

    /// <summary>Echo backends this process starts itself, for trying the load balancer out.</summary>
    public List<DemoBackendConfig> DemoBackends { get; init; } = [];
}
