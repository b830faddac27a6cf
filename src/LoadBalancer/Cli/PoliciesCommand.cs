using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;
using LoadBalancer.Hosting;
using LoadBalancer.Listeners;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Cli;

/// <summary>
/// <c>LoadBalancer policies</c>: the system security policies and the file's custom ones (as ListSystemSecurityPolicies
/// lists them): versions, and each cipher in server preference order with the versions it is offered under here.
/// </summary>
internal static class PoliciesCommand
{
    public static int Run(ParsedArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var config = ReadConfig(arguments, stderr, out var failed);
        if (failed)
        {
            return 1;
        }

        var policies = SecurityPolicySet.Build(config ?? new LoadBalancerConfig());
        var users = UsersByPolicy(config, policies);
        stdout.WriteLine($"System security policies ({SystemSecurityPolicies.DefaultId} serves a listener that names none):");
        foreach (var id in SystemSecurityPolicies.Ids)
        {
            Print(policies.Policies[id], users, stdout);
        }

        var custom = policies.Policies.Values.Where(p => !p.IsSystem).ToList();
        if (config is not null)
        {
            stdout.WriteLine();
            stdout.WriteLine(custom.Count == 0 ? $"No custom security policies in {arguments.Config}." : $"Custom security policies of {arguments.Config}:");
            custom.ForEach(p => Print(p, users, stdout));
        }

        PrintUnavailable(policies.Policies.Values, stdout);
        return 0;
    }

    /// <summary>The file when there is one (the default path may be absent); its policy errors stop the listing.</summary>
    private static LoadBalancerConfig? ReadConfig(ParsedArguments arguments, TextWriter stderr, out bool failed)
    {
        failed = false;
        if (arguments.ConfigPath is null && !File.Exists(arguments.Config))
        {
            return null;
        }

        var read = ConfigReader.Read(arguments.Config);
        var file = read.File ?? read.Lenient;
        var errors = file is null ? read.Errors.ToList()
            : read.Errors.Concat(ConfigValidator.Validate(file.Config)).Where(e => e.IsError && e.Resource.StartsWith("SecurityPolic", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            errors.ForEach(e => stderr.WriteLine(e));
            stderr.WriteLine($"{arguments.Config}: {errors.Count} error{(errors.Count == 1 ? "" : "s")}");
            failed = true;
        }

        return file?.Config;
    }

    private static Dictionary<SecurityPolicy, List<string>> UsersByPolicy(LoadBalancerConfig? config, SecurityPolicySet policies)
    {
        var users = new Dictionary<SecurityPolicy, List<string>>();
        var listeners = config?.LoadBalancers.SelectMany(i => i.Listeners).Where(l => l.ListenerProtocol is "HTTPS" or "TCPSSL" or "QUIC") ?? [];
        foreach (var listener in listeners)
        {
            var policy = policies.For(listener).Policy;
            if (!users.TryGetValue(policy, out var ids))
            {
                users[policy] = ids = [];
            }

            ids.Add(listener.ListenerId ?? "?");
        }

        return users;
    }

    private static void Print(SecurityPolicy policy, Dictionary<SecurityPolicy, List<string>> users, TextWriter stdout)
    {
        stdout.WriteLine();
        var usedBy = users.TryGetValue(policy, out var ids) ? $"  (used by {string.Join(", ", ids)})" : "";
        stdout.WriteLine($"{policy.Id}{usedBy}");
        stdout.WriteLine($"  TLSVersions  {string.Join(", ", policy.VersionNames)}");
        stdout.WriteLine("  Ciphers      (server preference order; the versions each is offered under)");
        foreach (var cipher in policy.Ciphers)
        {
            stdout.WriteLine($"    {cipher.Name,-32} {OfferedUnder(policy, cipher)}");
        }
    }

    private static string OfferedUnder(SecurityPolicy policy, CipherSuite cipher)
    {
        if (cipher.IsTlcp)
        {
            return "TLCP (HTTPS listeners with SM2 certificates)";
        }

        if (policy.Unavailable.Contains(cipher))
        {
            return $"unavailable on this build ({TlsStack.Name})";
        }

        var versions = TlsVersionNames.Of(cipher.Versions & policy.OfferedVersions);
        return versions.Count == 0 ? "not offered (no chosen version takes it)" : string.Join(" ", versions);
    }

    private static void PrintUnavailable(IEnumerable<SecurityPolicy> policies, TextWriter stdout)
    {
        var unavailable = policies.SelectMany(p => p.Unavailable).Distinct().ToList();
        if (unavailable.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{string.Join(", ", unavailable)} {(unavailable.Count == 1 ? "is" : "are")} unavailable on this build ({TlsStack.Name} is built without it): "
                + "a policy that lists it offers the rest of its ciphers.");
        }
    }
}
