using System.Net;
using System.Net.Security;
using LoadBalancer.Certificates;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Certificates.Sm2;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;
using LoadBalancer.Forwarding;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;
using LoadBalancer.Tls.Policies;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Hosting;

/// <summary>Reads, validates and loads one version of the listener file into a <see cref="RuntimeSnapshot"/>.</summary>
internal static class SnapshotBuilder
{
    private const int DefaultRequestTimeoutSeconds = 60;
    private const int DefaultIdleTimeoutSeconds = 15;
    private const int DefaultNlbIdleTimeoutSeconds = 900;

    /// <summary>How long a client may remember an HTTPS listener's HTTP/3 advertisement (Alt-Svc ma, RFC 7838's default).</summary>
    private const int AltSvcMaxAgeSeconds = 86400;

    public static SnapshotBuildResult Load(string path, long version)
    {
        var read = ConfigReader.Read(path);
        if (read.File is not null)
        {
            return Build(read.File, version);
        }

        // Unknown keys: report the rest of the file's errors in the same pass, but never serve it.
        var rest = read.Lenient is null ? null : Build(read.Lenient, version);
        return new SnapshotBuildResult(null, [.. read.Errors, .. rest?.Problems ?? []], rest?.SourceFiles ?? [Path.GetFullPath(path)]);
    }

    public static SnapshotBuildResult Build(ConfigFile file, long version)
    {
        var config = file.Config;
        var sourceFiles = SourceFiles(file);
        var problems = new List<ConfigError>(ConfigValidator.Validate(config));
        var certificates = CertificateStore.Load(config.Certificates, file.Resolve);
        problems.AddRange(certificates.Errors);
        var cas = CaCertificateStore.Load(config.CaCertificates, file.Resolve);
        problems.AddRange(cas.Errors);
        var (sm2, sm2Errors) = Sm2CertificateStore.Load(config.Certificates, file.Resolve);
        problems.AddRange(sm2Errors);
        problems.AddRange(MutualTlcp.Check(config, cas.Store));
        if (problems.Any(p => p.IsError))
        {
            return new SnapshotBuildResult(null, problems, sourceFiles);
        }

        var policies = SecurityPolicySet.Build(config);
        problems.AddRange(ListenerPolicyChecks.Check(config, policies, certificates.Store));
        if (problems.Any(p => p.IsError))
        {
            return new SnapshotBuildResult(null, problems, sourceFiles);
        }

        var groups = config.ServerGroups.ToDictionary(g => g.ServerGroupId!, BuildGroup, StringComparer.Ordinal);
        var listeners = new Dictionary<string, ListenerRuntime>(StringComparer.Ordinal);
        foreach (var instance in config.LoadBalancers)
        {
            foreach (var listener in instance.Listeners)
            {
                listeners[listener.ListenerId!] = BuildListener(config, instance, listener, new ListenerCertificates(certificates.Store, sm2), cas.Store, groups, policies);
            }
        }

        var snapshot = new RuntimeSnapshot
        {
            Version = version,
            File = file,
            Certificates = certificates.Store,
            Listeners = listeners,
            ListenersByEndpoint = listeners.Values.Where(l => l.Kind != ListenerKind.Quic).ToDictionary(l => l.Endpoint),
            QuicListenersByEndpoint = listeners.Values.Where(l => l.Kind == ListenerKind.Quic).ToDictionary(l => l.Endpoint),
            ServerGroups = groups,
            SecurityPolicies = policies.Policies,
            Warnings = problems,
            SourceFiles = sourceFiles,
        };
        return new SnapshotBuildResult(snapshot, problems, sourceFiles);
    }

    private static ServerGroupRuntime BuildGroup(ServerGroupConfig group)
    {
        var scheme = string.Equals(group.Protocol, "HTTPS", StringComparison.Ordinal) ? "https" : "http";
        var servers = group.Servers.Select(s => new BackendServer(s.ServerIp!, s.Port, s.Weight, scheme)).ToList();
        return new ServerGroupRuntime(group.ServerGroupId!, group.Scheduler, servers);
    }

    private static ListenerRuntime BuildListener(
        LoadBalancerConfig config, LoadBalancerInstanceConfig instance, ListenerConfig listener, ListenerCertificates certificates, CaCertificateStore cas,
        Dictionary<string, ServerGroupRuntime> groups, SecurityPolicySet policies)
    {
        var kind = KindOf(listener.ListenerProtocol);
        var tls = kind is ListenerKind.Https or ListenerKind.TcpSsl or ListenerKind.Quic;
        var caId = kind == ListenerKind.TcpSsl ? listener.CaCertificateIds?.FirstOrDefault() : listener.CaCertificates?.FirstOrDefault()?.CertificateId;
        var clientAuth = tls && listener.CaEnabled == true && caId is not null ? cas.PoliciesById[caId] : null;
        var nlb = kind is ListenerKind.Tcp or ListenerKind.TcpSsl;
        var policy = tls ? policies.For(listener) : null;
        return new ListenerRuntime
        {
            ClientCertificates = clientAuth is null ? null : new ClientCertificateCheck(clientAuth),
            ClientCertificateTrust = clientAuth is null ? null : SslCertificateTrust.CreateForX509Collection(clientAuth.Anchors, sendTrustInHandshake: true),
            Id = listener.ListenerId!,
            LoadBalancerId = instance.LoadBalancerId!,
            Kind = kind,
            Endpoint = new IPEndPoint(IPAddress.Parse(instance.Address), listener.ListenerPort),
            Config = listener,
            Http2Enabled = kind == ListenerKind.Https && listener.Http2Enabled != false,
            Selector = tls ? BuildSelector(listener, certificates.Standard, kind == ListenerKind.Quic ? null : policy!.Policy) : null,
            PolicyOptions = policy,
            QuicTls = kind == ListenerKind.Quic ? QuicTlsOptions.Create(policy!.Policy) : null,
            AltSvc = kind == ListenerKind.Https ? AltSvcOf(instance, listener) : null,
            Tlcp = kind == ListenerKind.Https ? BuildTlcp(listener, certificates.Sm2, policy!.Policy, listener.CaEnabled == true && caId is not null ? cas.ById[caId] : null) : null,
            Router = nlb ? null : BuildRouter(listener, groups),
            TcpGroup = nlb ? groups[listener.ServerGroupId!] : null,
            TcpAlpn = kind == ListenerKind.TcpSsl ? AlpnPolicies.For(listener.AlpnEnabled, listener.AlpnPolicy) : null,
            Transformer = nlb ? null : new AlbRequestTransformer(listener.XForwardedForConfig ?? new XForwardedForConfig(), listener.ListenerPort, instance.LoadBalancerId!),
            IdleTimeout = TimeSpan.FromSeconds(listener.IdleTimeout ?? (nlb ? DefaultNlbIdleTimeoutSeconds : DefaultIdleTimeoutSeconds)),
            RequestConfig = new ForwarderRequestConfig
            {
                ActivityTimeout = TimeSpan.FromSeconds(listener.RequestTimeout ?? DefaultRequestTimeoutSeconds),
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            },
        };
    }

    private static ListenerKind KindOf(string? protocol) => protocol switch
    {
        "HTTPS" => ListenerKind.Https,
        "TCP" => ListenerKind.Tcp,
        "TCPSSL" => ListenerKind.TcpSsl,
        "QUIC" => ListenerKind.Quic,
        _ => ListenerKind.Http,
    };

    /// <summary>
    /// The RSA/ECC certificates of the listener, the first of them as the default for standard TLS clients, without
    /// additional ones the policy cannot serve (a warning says so), so selection never picks a certificate the policy
    /// refuses; null when the listener has only SM2 ones. A QUIC listener (no <paramref name="policy"/>) runs TLS 1.3,
    /// which serves every RSA and ECC certificate.
    /// </summary>
    private static CertificateSelector? BuildSelector(ListenerConfig listener, CertificateStore certificates, SecurityPolicy? policy)
    {
        var standard = ListenerCertificateIds.Standard(listener, certificates);
        return standard.Count == 0 ? null : CertificateSelector.Create(standard[0], [.. standard.Skip(1).Where(c => policy is null || ListenerPolicyChecks.Serves(policy, c))]);
    }

    /// <summary>An HTTPS listener with QuicUpgradeEnabled advertises its instance's QUIC listener (validated to exist).</summary>
    private static string? AltSvcOf(LoadBalancerInstanceConfig instance, ListenerConfig listener)
    {
        if (listener.QuicConfig is not { QuicUpgradeEnabled: true, QuicListenerId: { } quicId })
        {
            return null;
        }

        var quic = instance.Listeners.Find(l => l.ListenerId == quicId && l.ListenerProtocol == "QUIC");
        return quic is null ? null : $"h3=\":{quic.ListenerPort}\"; ma={AltSvcMaxAgeSeconds}";
    }

    /// <summary>The listener's SM2 certificates (the first as its SM2 default) and its policy's SM suites; null without any.</summary>
    private static TlcpListener? BuildTlcp(ListenerConfig listener, Sm2CertificateStore certificates, SecurityPolicy policy, System.Security.Cryptography.X509Certificates.X509Certificate2Collection? clientCa)
    {
        var sm2 = (listener.Certificates ?? []).Concat(listener.AdditionalCertificates ?? [])
            .Where(c => certificates.ById.ContainsKey(c.CertificateId!))
            .Select(c => certificates.ById[c.CertificateId!])
            .Distinct()
            .ToList();
        if (sm2.Count == 0)
        {
            return null;
        }

        var authorities = clientCa is null ? null : Sm2ClientCa.From(clientCa);
        return new TlcpListener(Sm2CertificateSelector.Create(sm2), TlcpListener.SuitesOf(policy, authorities is not null), authorities ?? []);
    }

    /// <summary>A snapshot's server certificates: RSA/ECC ones and SM2 ones.</summary>
    private sealed record ListenerCertificates(CertificateStore Standard, Sm2CertificateStore Sm2);

    private static ListenerRouter BuildRouter(ListenerConfig listener, Dictionary<string, ServerGroupRuntime> groups)
    {
        var rules = (listener.Rules ?? [])
            .OrderBy(r => r.Priority)
            .Select(r => new RouteRule(
                r.RuleId!,
                r.Priority,
                Patterns(r, "Host", c => c.HostConfig, StringComparison.OrdinalIgnoreCase),
                Patterns(r, "Path", c => c.PathConfig, StringComparison.Ordinal),
                BuildTarget(r.RuleActions, groups)))
            .ToArray();
        return new ListenerRouter(rules, BuildTarget(listener.DefaultActions ?? [], groups));
    }

    private static WildcardPattern[] Patterns(RuleConfig rule, string type, Func<RuleConditionConfig, ValuesConfig?> values, StringComparison comparison) =>
        rule.RuleConditions
            .Where(c => string.Equals(c.Type, type, StringComparison.Ordinal))
            .SelectMany(c => values(c)?.Values ?? [])
            .Select(v => new WildcardPattern(v, comparison))
            .ToArray();

    private static ForwardTarget BuildTarget(IReadOnlyList<ActionConfig> actions, Dictionary<string, ServerGroupRuntime> groups)
    {
        var tuples = actions.First(a => a.Type == "ForwardGroup").ForwardGroupConfig!.ServerGroupTuples;
        return new ForwardTarget(tuples.Select(t => (groups[t.ServerGroupId!], t.Weight)).ToList());
    }

    private static List<string> SourceFiles(ConfigFile file)
    {
        var files = new List<string> { Path.GetFullPath(file.Path) };
        foreach (var certificate in file.Config.Certificates)
        {
            string?[] paths = [certificate.CertificateFile, certificate.PrivateKeyFile, certificate.SignCertificateFile,
                certificate.SignPrivateKeyFile, certificate.EncryptCertificateFile, certificate.EncryptPrivateKeyFile];
            files.AddRange(paths.OfType<string>().Select(file.Resolve));
        }

        files.AddRange(file.Config.CaCertificates.SelectMany(c => new[] { c.CertificateFile, c.CrlFile }).OfType<string>().Select(file.Resolve));
        return files.Distinct(StringComparer.Ordinal).ToList();
    }
}
