using LoadBalancer.Configuration.Model;
using LoadBalancer.Listeners;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Hosting;

/// <summary>
/// The security policies of one snapshot, resolved once: every system policy and every custom policy of the file,
/// each with what this machine's TLS stack offers from it and the SslStream options that enforce it.
/// </summary>
internal sealed class SecurityPolicySet
{
    private readonly Dictionary<string, PolicyTlsOptions> _byId;

    private SecurityPolicySet(Dictionary<string, PolicyTlsOptions> byId)
    {
        _byId = byId;
        Policies = byId.ToDictionary(p => p.Key, p => p.Value.Policy, StringComparer.Ordinal);
    }

    /// <summary>Every policy by id (system ids as the product spells them), for TLCP and the <c>policies</c> command.</summary>
    public IReadOnlyDictionary<string, SecurityPolicy> Policies { get; }

    public static SecurityPolicySet Build(LoadBalancerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var byId = new Dictionary<string, PolicyTlsOptions>(StringComparer.Ordinal);
        foreach (var definition in SystemSecurityPolicies.All)
        {
            byId[definition.Id] = PolicyTlsOptions.Create(SecurityPolicy.Create(definition, isSystem: true, TlsStack.IsAvailable));
        }

        foreach (var custom in config.SecurityPolicies.Where(p => p.SecurityPolicyId is not null))
        {
            var definition = new SecurityPolicyDefinition(custom.SecurityPolicyId!, custom.TLSVersions, custom.Ciphers);
            byId.TryAdd(definition.Id, PolicyTlsOptions.Create(SecurityPolicy.Create(definition, isSystem: false, TlsStack.IsAvailable)));
        }

        return new SecurityPolicySet(byId);
    }

    /// <summary>The listener's policy: its SecurityPolicyId (system ids in any case), or tls_cipher_policy_1_0 when unset.</summary>
    public PolicyTlsOptions For(ListenerConfig listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var id = listener.SecurityPolicyId ?? SystemSecurityPolicies.DefaultId;
        return _byId.TryGetValue(id, out var options) ? options : _byId[SystemSecurityPolicies.TryFind(id, out var system) ? system.Id : id];
    }
}
