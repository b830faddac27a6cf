namespace LoadBalancer.Configuration.Model;

/// <summary>
/// Raised quotas, as Alibaba's Quota Center adjusts them for an account. Absent values keep the product's defaults.
/// </summary>
public sealed record QuotasConfig
{
    /// <summary>Additional (non-default) certificates per instance; the product allows 25 (10 on a Basic ALB).</summary>
    public int? AdditionalCertificatesPerLoadBalancer { get; init; }
}
