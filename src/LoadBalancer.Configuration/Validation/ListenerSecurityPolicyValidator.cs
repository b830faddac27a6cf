using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Configuration.Validation;

/// <summary>A listener's SecurityPolicyId names a system policy or a custom policy of the file (unset: tls_cipher_policy_1_0).</summary>
internal sealed class ListenerSecurityPolicyValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => !s.IsHttp))
        {
            var id = scope.Listener.SecurityPolicyId;
            if (id is null || SystemSecurityPolicies.Contains(id) || context.Config.SecurityPolicies.Exists(p => p.SecurityPolicyId == id))
            {
                continue;
            }

            context.Add(scope.Resource, "SecurityPolicyId",
                $"security policy '{id}' does not exist: use a system policy ({string.Join(", ", SystemSecurityPolicies.Ids)}) or add it to SecurityPolicies");
        }
    }
}
