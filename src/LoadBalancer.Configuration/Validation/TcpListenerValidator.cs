using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>TCP listeners take no certificate fields (no TLS is ended on them).</summary>
internal sealed class TcpListenerValidator : IConfigValidator
{
    private static readonly (string Name, Func<ListenerConfig, bool> IsSet)[] s_tlsFields =
    [
        ("CertificateIds", l => l.CertificateIds is not null),
        ("AdditionalCertificateIds", l => l.AdditionalCertificateIds is not null),
        ("CaCertificateIds", l => l.CaCertificateIds is not null),
        ("CaEnabled", l => l.CaEnabled == true),
        ("SecurityPolicyId", l => l.SecurityPolicyId is not null),
        ("AlpnEnabled", l => l.AlpnEnabled == true),
        ("AlpnPolicy", l => l.AlpnPolicy is not null),
    ];

    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsTcp))
        {
            foreach (var (name, _) in s_tlsFields.Where(f => f.IsSet(scope.Listener)))
            {
                context.Add(scope.Resource, name, $"a TCP listener takes no {name}: remove it, or make the listener TCPSSL");
            }
        }
    }
}
