using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>Custom security policies: a name of their own, known TLS versions and known cipher names.</summary>
internal sealed class SecurityPolicyValidator : IConfigValidator
{
    private static readonly string[] s_tlsVersions = ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Config.SecurityPolicies.Count; i++)
        {
            var policy = context.Config.SecurityPolicies[i];
            var resource = ResourceNames.Of("SecurityPolicy", policy.SecurityPolicyId, $"SecurityPolicies[{i}]");
            CheckId(context, policy, resource);
            CheckList(context, resource, "TLSVersions", policy.TLSVersions, s_tlsVersions.Contains, string.Join(", ", s_tlsVersions));
            CheckList(context, resource, "Ciphers", policy.Ciphers, CipherNames.Contains, "a cipher name of the product (see CipherNames)");
        }
    }

    private static void CheckId(ValidationContext context, SecurityPolicyConfig policy, string resource)
    {
        if (SystemSecurityPolicies.Contains(policy.SecurityPolicyId))
        {
            context.Add(resource, "SecurityPolicyId",
                $"'{policy.SecurityPolicyId}' is a system policy and needs no entry: remove the entry or give the custom policy another id");
        }
    }

    private static void CheckList(ValidationContext context, string resource, string field, List<string> values, Func<string, bool> isKnown, string allowed)
    {
        if (values.Count == 0)
        {
            context.Add(resource, field, $"{field} must not be empty: list one or more of {allowed}");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!isKnown(values[i]))
            {
                context.Add(resource, $"{field}[{i}]", $"'{values[i]}' is not a known value: use {allowed}");
            }
        }
    }
}
