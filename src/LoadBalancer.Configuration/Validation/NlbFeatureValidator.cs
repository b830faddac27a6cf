namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// NLB listener options: ALPN on TCPSSL listeners, where AlpnEnabled needs an AlpnPolicy naming a product policy
/// (TCP listeners refuse both as TLS fields).
/// </summary>
internal sealed class NlbFeatureValidator : IConfigValidator
{
    private static readonly string[] s_alpnPolicies = ["HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred"];

    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsTcp || s.IsTcpSsl))
        {
            if (!scope.IsTcpSsl)
            {
                continue;
            }

            if (scope.Listener.AlpnEnabled == true && scope.Listener.AlpnPolicy is null)
            {
                context.Add(scope.Resource, "AlpnPolicy", $"is required when AlpnEnabled is true: use {string.Join(", ", s_alpnPolicies)}");
            }

            var policy = scope.Listener.AlpnPolicy;
            if (policy is not null && !s_alpnPolicies.Contains(policy, StringComparer.Ordinal))
            {
                context.Add(scope.Resource, "AlpnPolicy", $"'{policy}' is not an ALPN policy: use {string.Join(", ", s_alpnPolicies)}");
            }
        }
    }
}
