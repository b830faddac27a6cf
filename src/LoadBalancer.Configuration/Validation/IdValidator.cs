using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>Every resource has an id, unique in its section (certificates and CA certificates share one; listeners and rules the whole file).</summary>
internal sealed class IdValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        var config = context.Config;
        CheckUnique(context, "CertificateId", "across Certificates and CaCertificates", CertificateIds(config));
        CheckUnique(context, "SecurityPolicyId", "in SecurityPolicies",
            config.SecurityPolicies.Select((p, i) => Entry(p.SecurityPolicyId, "SecurityPolicy", $"SecurityPolicies[{i}]", "SecurityPolicyId")));
        CheckUnique(context, "ServerGroupId", "in ServerGroups",
            config.ServerGroups.Select((g, i) => Entry(g.ServerGroupId, "ServerGroup", $"ServerGroups[{i}]", "ServerGroupId")));
        CheckUnique(context, "DemoBackendId", "in DemoBackends",
            config.DemoBackends.Select((b, i) => Entry(b.DemoBackendId, "DemoBackend", $"DemoBackends[{i}]", "DemoBackendId")));
        CheckUnique(context, "LoadBalancerId", "in LoadBalancers",
            config.LoadBalancers.Select((b, i) => Entry(b.LoadBalancerId, "LoadBalancer", $"LoadBalancers[{i}]", "LoadBalancerId")));
        CheckUnique(context, "ListenerId", "across the file", context.Listeners.Select(ListenerEntry));
        CheckUnique(context, "RuleId", "across the file", context.Listeners.SelectMany(RuleEntries));
    }

    private static IEnumerable<IdEntry> CertificateIds(LoadBalancerConfig config) =>
        config.Certificates.Select((c, i) => Entry(c.CertificateId, "Certificate", $"Certificates[{i}]", "CertificateId"))
            .Concat(config.CaCertificates.Select((c, i) => Entry(c.CertificateId, "CaCertificate", $"CaCertificates[{i}]", "CertificateId")));

    private static IdEntry Entry(string? id, string kind, string path, string field) =>
        new(id, ResourceNames.Of(kind, id, path), field, path);

    private static IdEntry ListenerEntry(ListenerScope scope) =>
        new(scope.Listener.ListenerId, scope.Resource, "ListenerId", scope.Resource);

    private static IEnumerable<IdEntry> RuleEntries(ListenerScope scope) =>
        (scope.Listener.Rules ?? []).Select((r, i) =>
            new IdEntry(r.RuleId, scope.Resource, $"Rules[{i}].RuleId", $"{scope.Resource}: Rules[{i}]"));

    private static void CheckUnique(ValidationContext context, string idName, string scope, IEnumerable<IdEntry> entries)
    {
        var seen = new Dictionary<string, IdEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                context.Add(entry.Resource, entry.Field, $"{idName} is required: give {entry.Path} an id, unique {scope}");
            }
            else if (!seen.TryAdd(entry.Id, entry))
            {
                context.Add(entry.Resource, entry.Field,
                    $"{idName} '{entry.Id}' is already used by {seen[entry.Id].Path}: ids must be unique {scope}, rename one");
            }
        }
    }
}
