using LoadBalancer.Configuration.Model;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// An HTTPS listener with an SM2 certificate serves TLCP clients with the SM suites of its security policy, so, as in
/// the product, it needs a custom policy that lists at least one of them (system policies list none).
/// </summary>
internal sealed class Sm2ListenerPolicyValidator : IConfigValidator
{
    /// <summary>The SM suite names a policy may list (Tongsuo's, with their aliases), from the cipher suite table.</summary>
    public static readonly IReadOnlySet<string> SmCipherNames = CipherSuites.All.Where(c => c.IsTlcp)
        .SelectMany(c => c.Alias is null ? [c.Name] : new[] { c.Name, c.Alias })
        .ToHashSet(StringComparer.Ordinal);

    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsHttps))
        {
            var sm2 = (scope.Listener.Certificates ?? []).Concat(scope.Listener.AdditionalCertificates ?? [])
                .Select(r => context.Config.Certificates.Find(c => c.CertificateId == r.CertificateId))
                .FirstOrDefault(c => c is { IsSm2: true });
            if (sm2 is null)
            {
                continue;
            }

            var policyId = scope.Listener.SecurityPolicyId;
            var custom = context.Config.SecurityPolicies.Find(p => p.SecurityPolicyId == policyId);
            if (custom is null)
            {
                context.Add(scope.Resource, "SecurityPolicyId",
                    $"the SM2 certificate '{sm2.CertificateId}' needs a custom security policy that lists SM suites (such as ECC-SM2-SM4-CBC-SM3, ECC-SM2-SM4-GCM-SM3); '{policyId ?? "tls_cipher_policy_1_0 (the default)"}' lists none");
            }
            else if (!custom.Ciphers.Exists(SmCipherNames.Contains))
            {
                context.Add(scope.Resource, "SecurityPolicyId",
                    $"the SM2 certificate '{sm2.CertificateId}' needs SM suites, and security policy '{policyId}' lists none: add ECC-SM2-SM4-CBC-SM3 or ECC-SM2-SM4-GCM-SM3 to its Ciphers");
            }
        }
    }
}
