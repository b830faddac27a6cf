using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>Server groups: a known protocol and scheduler; servers with an IP address, a port, a weight, and no duplicates.</summary>
internal sealed class ServerGroupValidator : IConfigValidator
{
    private static readonly string[] s_protocols = ["HTTP", "HTTPS", "TCP"];
    private static readonly string[] s_schedulers = ["Wrr", "Wlc", "Sch"];

    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Config.ServerGroups.Count; i++)
        {
            var group = context.Config.ServerGroups[i];
            var resource = ResourceNames.Of("ServerGroup", group.ServerGroupId, $"ServerGroups[{i}]");
            CheckOneOf(context, resource, "Protocol", group.Protocol, s_protocols);
            CheckOneOf(context, resource, "Scheduler", group.Scheduler, s_schedulers);
            CheckServers(context, resource, group.Servers);
        }
    }

    private static void CheckOneOf(ValidationContext context, string resource, string field, string value, string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            context.Add(resource, field, $"{field} '{value}' is not supported: use {string.Join(", ", allowed)}");
        }
    }

    private static void CheckServers(ValidationContext context, string resource, List<ServerConfig> servers)
    {
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < servers.Count; i++)
        {
            var server = servers[i];
            var field = $"Servers[{i}]";
            if (!IpAddresses.IsValid(server.ServerIp))
            {
                context.Add(resource, $"{field}.ServerIp", $"'{server.ServerIp}' is not an IP address: give an IPv4 or IPv6 address");
            }

            Ranges.Check(context, resource, $"{field}.Port", server.Port, 1, 65535);
            Ranges.Check(context, resource, $"{field}.Weight", server.Weight, 0, 100);
            if (server.ServerIp is not null && !seen.Add((server.ServerIp, server.Port)))
            {
                context.Add(resource, field, $"server {server.ServerIp}:{server.Port} is listed twice: remove the duplicate");
            }
        }
    }
}
