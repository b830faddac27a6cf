namespace LoadBalancer.Configuration.Model;

/// <summary>
/// A listener. ALB listeners (HTTP, HTTPS, QUIC) use the ALB CreateListener names, NLB listeners (TCP, TCPSSL)
/// the NLB ones; validation refuses the other product's fields. Optional fields stay null when absent so that
/// validation can tell "not given" from "given as the default".
/// </summary>
public sealed record ListenerConfig
{
    public string? ListenerId { get; init; }
    public string? ListenerProtocol { get; init; }
    public int ListenerPort { get; init; }
    public string? ListenerDescription { get; init; }

    // ALB
    public List<CertificateReference>? Certificates { get; init; }
    public List<CertificateReference>? AdditionalCertificates { get; init; }
    public List<CertificateReference>? CaCertificates { get; init; }
    public bool? Http2Enabled { get; init; }
    public int? RequestTimeout { get; init; }
    public List<ActionConfig>? DefaultActions { get; init; }
    public List<RuleConfig>? Rules { get; init; }
    public XForwardedForConfig? XForwardedForConfig { get; init; }
    public QuicConfig? QuicConfig { get; init; }

    // NLB
    public List<string>? CertificateIds { get; init; }
    public List<string>? AdditionalCertificateIds { get; init; }
    public List<string>? CaCertificateIds { get; init; }
    public string? ServerGroupId { get; init; }
    public bool? ProxyProtocolEnabled { get; init; }
    public bool? AlpnEnabled { get; init; }
    public string? AlpnPolicy { get; init; }

    // Both
    public bool? CaEnabled { get; init; }
    public string? SecurityPolicyId { get; init; }
    public int? IdleTimeout { get; init; }
}
