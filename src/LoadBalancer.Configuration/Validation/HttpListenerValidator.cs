using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>HTTP listeners take no certificate fields; QuicConfig belongs to HTTPS listeners only.</summary>
internal sealed class HttpListenerValidator : IConfigValidator
{
    private static readonly (string Name, Func<ListenerConfig, bool> IsSet)[] s_tlsFields =
    [
        ("Certificates", l => l.Certificates is not null),
        ("AdditionalCertificates", l => l.AdditionalCertificates is not null),
        ("CaCertificates", l => l.CaCertificates is not null),
        ("CaEnabled", l => l.CaEnabled == true),
        ("SecurityPolicyId", l => l.SecurityPolicyId is not null),
        ("Http2Enabled", l => l.Http2Enabled is not null),
    ];

    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsAlb))
        {
            if (scope.IsHttp)
            {
                CheckTlsFields(context, scope);
            }

            if (!scope.IsHttps && scope.Listener.QuicConfig is not null)
            {
                context.Add(scope.Resource, "QuicConfig", "QuicConfig applies to HTTPS listeners only: remove it or make the listener HTTPS");
            }
        }
    }

    private static void CheckTlsFields(ValidationContext context, ListenerScope scope)
    {
        foreach (var (name, isSet) in s_tlsFields.Where(f => f.IsSet(scope.Listener)))
        {
            context.Add(scope.Resource, name, $"an HTTP listener takes no {name}: remove it, or make the listener HTTPS");
        }
    }
}
