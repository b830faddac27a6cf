using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>A listener field that belongs to one product only, and what the other product uses instead.</summary>
internal sealed record ProductField(string Name, Func<ListenerConfig, bool> IsSet, string Instead)
{
    public static IReadOnlyList<ProductField> NlbOnly { get; } =
    [
        new("CertificateIds", l => l.CertificateIds is not null, "use Certificates instead"),
        new("AdditionalCertificateIds", l => l.AdditionalCertificateIds is not null, "use AdditionalCertificates instead"),
        new("CaCertificateIds", l => l.CaCertificateIds is not null, "use CaCertificates instead"),
        new("ServerGroupId", l => l.ServerGroupId is not null, "use DefaultActions with a ForwardGroup action instead"),
        new("ProxyProtocolEnabled", l => l.ProxyProtocolEnabled is not null, "use XForwardedForConfig to pass the client address instead"),
        new("AlpnEnabled", l => l.AlpnEnabled is not null, "use Http2Enabled instead"),
        new("AlpnPolicy", l => l.AlpnPolicy is not null, "use Http2Enabled instead"),
    ];

    public static IReadOnlyList<ProductField> AlbOnly { get; } =
    [
        new("Certificates", l => l.Certificates is not null, "use CertificateIds instead"),
        new("AdditionalCertificates", l => l.AdditionalCertificates is not null, "use AdditionalCertificateIds instead"),
        new("CaCertificates", l => l.CaCertificates is not null, "use CaCertificateIds instead"),
        new("Http2Enabled", l => l.Http2Enabled is not null, "use AlpnEnabled and AlpnPolicy instead"),
        new("RequestTimeout", l => l.RequestTimeout is not null, "remove it (NLB has IdleTimeout only)"),
        new("DefaultActions", l => l.DefaultActions is not null, "use ServerGroupId instead"),
        new("Rules", l => l.Rules is not null, "remove them (NLB forwards every connection to ServerGroupId)"),
        new("XForwardedForConfig", l => l.XForwardedForConfig is not null, "use ProxyProtocolEnabled instead"),
        new("QuicConfig", l => l.QuicConfig is not null, "remove it (NLB has no QUIC upgrade)"),
    ];
}
