using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// The four client-certificate header aliases of XForwardedForConfig: each, when given, is 1-40 characters of lowercase
/// letters, digits, '-' and '_', and names a header of its own (not another alias, another client-certificate
/// header's default name, or a header the load balancer manages otherwise), compared case-insensitively.
/// </summary>
internal sealed class ClientCertificateHeaderAliasValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsAlb && s.Listener.XForwardedForConfig is not null))
        {
            var config = scope.Listener.XForwardedForConfig!;
            var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in ClientCertificateHeaderField.All)
            {
                CheckAlias(context, scope, config, header, taken);
            }
        }
    }

    private static void CheckAlias(ValidationContext context, ListenerScope scope, XForwardedForConfig config, ClientCertificateHeaderField header, Dictionary<string, string> taken)
    {
        var alias = header.Alias(config);
        if (alias is null)
        {
            return;
        }

        var field = $"XForwardedForConfig.{header.AliasField}";
        if (!HeaderAliasRule.IsValid(alias))
        {
            context.Add(scope.Resource, field, $"'{alias}' is not a valid alias: {HeaderAliasRule.Description}");
        }
        else if (Clash(header, alias, taken) is { } clash)
        {
            context.Add(scope.Resource, field, $"'{alias}' names the same header as {clash}: choose another alias");
        }
        else
        {
            taken[alias] = header.AliasField;
        }
    }

    private static string? Clash(ClientCertificateHeaderField header, string alias, Dictionary<string, string> taken)
    {
        if (taken.TryGetValue(alias, out var other))
        {
            return other;
        }

        var defaultOwner = ClientCertificateHeaderField.All
            .FirstOrDefault(h => h != header && string.Equals(h.DefaultName, alias, StringComparison.OrdinalIgnoreCase));
        if (defaultOwner is not null)
        {
            return $"the default header {defaultOwner.DefaultName}";
        }

        return ReservedHeaderNames.All.Contains(alias) ? $"the header {alias}, which the load balancer manages" : null;
    }
}
