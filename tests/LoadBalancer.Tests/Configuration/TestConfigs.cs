using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Tests.Configuration;

/// <summary>A valid configuration built in code, and small helpers to break one thing in it.</summary>
internal static class TestConfigs
{
    public const string Https = "Listener 'lsn-https' (LoadBalancer 'alb-local')";
    public const string Http = "Listener 'lsn-http' (LoadBalancer 'alb-local')";
    public const string Alb = "LoadBalancer 'alb-local'";

    public static LoadBalancerConfig Valid() => new()
    {
        Certificates =
        [
            new() { CertificateId = "cert-www", CertificateFile = "www.crt", PrivateKeyFile = "www.key" },
            new() { CertificateId = "cert-api", CertificateFile = "api.crt", PrivateKeyFile = "api.key" },
            new()
            {
                CertificateId = "cert-sm2", SignCertificateFile = "s.crt", SignPrivateKeyFile = "s.key",
                EncryptCertificateFile = "e.crt", EncryptPrivateKeyFile = "e.key",
            },
        ],
        CaCertificates = [new() { CertificateId = "ca-clients", CertificateFile = "ca.crt" }],
        SecurityPolicies =
        [
            new() { SecurityPolicyId = "sp-modern", TLSVersions = ["TLSv1.2", "TLSv1.3"], Ciphers = ["ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"] },
        ],
        ServerGroups =
        [
            new() { ServerGroupId = "sgp-web", Protocol = "HTTP", Servers = [new() { ServerIp = "127.0.0.1", Port = 5080 }] },
            new() { ServerGroupId = "sgp-api", Protocol = "HTTPS", Scheduler = "Wlc", Servers = [new() { ServerIp = "::1", Port = 5443, Weight = 50 }] },
            new() { ServerGroupId = "sgp-tcp", Protocol = "TCP", Servers = [new() { ServerIp = "127.0.0.1", Port = 6000 }] },
        ],
        LoadBalancers =
        [
            new()
            {
                LoadBalancerId = "alb-local", LoadBalancerType = "ALB", LoadBalancerEdition = "Standard", Address = "0.0.0.0",
                Listeners = [HttpsListener(), HttpListener()],
            },
        ],
    };

    public static ListenerConfig HttpsListener() => new()
    {
        ListenerId = "lsn-https", ListenerProtocol = "HTTPS", ListenerPort = 8443,
        Certificates = [new() { CertificateId = "cert-www" }],
        AdditionalCertificates = [new() { CertificateId = "cert-api" }],
        SecurityPolicyId = "sp-modern",
        DefaultActions = [Forward("sgp-web")],
        Rules =
        [
            new()
            {
                RuleId = "rule-api", Priority = 10,
                RuleConditions =
                [
                    new() { Type = "Host", HostConfig = new() { Values = ["api.example.com", "*.api.example.com"] } },
                    new() { Type = "Path", PathConfig = new() { Values = ["/v1/*"] } },
                ],
                RuleActions = [Forward("sgp-api")],
            },
        ],
    };

    /// <summary>A QUIC listener (not in <see cref="Valid"/>; add it with <see cref="WithQuic"/>).</summary>
    public static ListenerConfig QuicListener() => new()
    {
        ListenerId = "lsn-quic", ListenerProtocol = "QUIC", ListenerPort = 8443,
        Certificates = [new() { CertificateId = "cert-www" }],
        AdditionalCertificates = [new() { CertificateId = "cert-api" }],
        DefaultActions = [Forward("sgp-web")],
    };

    public const string Quic = "Listener 'lsn-quic' (LoadBalancer 'alb-local')";

    /// <summary>The valid configuration plus a QUIC listener on the HTTPS listener's port (UDP beside TCP), changed as given.</summary>
    public static LoadBalancerConfig WithQuic(this LoadBalancerConfig config, Func<ListenerConfig, ListenerConfig>? change = null) =>
        config.WithAlb(i => i with { Listeners = [.. i.Listeners, (change ?? (l => l))(QuicListener())] });

    public static ListenerConfig HttpListener() => new()
    {
        ListenerId = "lsn-http", ListenerProtocol = "HTTP", ListenerPort = 8080,
        DefaultActions = [Forward("sgp-web")],
    };

    public static ActionConfig Forward(params string[] groups) => new()
    {
        Type = "ForwardGroup",
        ForwardGroupConfig = new() { ServerGroupTuples = groups.Select(g => new ServerGroupTuple { ServerGroupId = g }).ToList() },
    };

    public static LoadBalancerConfig WithHttps(this LoadBalancerConfig config, Func<ListenerConfig, ListenerConfig> change) =>
        config.WithListener("lsn-https", change);

    public static LoadBalancerConfig WithHttp(this LoadBalancerConfig config, Func<ListenerConfig, ListenerConfig> change) =>
        config.WithListener("lsn-http", change);

    public static LoadBalancerConfig WithListener(this LoadBalancerConfig config, string id, Func<ListenerConfig, ListenerConfig> change) =>
        config with
        {
            LoadBalancers = config.LoadBalancers
                .Select(i => i with { Listeners = i.Listeners.Select(l => l.ListenerId == id ? change(l) : l).ToList() })
                .ToList(),
        };

    public static LoadBalancerConfig WithAlb(this LoadBalancerConfig config, Func<LoadBalancerInstanceConfig, LoadBalancerInstanceConfig> change) =>
        config with { LoadBalancers = config.LoadBalancers.Select(i => i.LoadBalancerId == "alb-local" ? change(i) : i).ToList() };

    public static LoadBalancerConfig WithInstance(this LoadBalancerConfig config, LoadBalancerInstanceConfig instance) =>
        config with { LoadBalancers = [.. config.LoadBalancers, instance] };

    public static LoadBalancerConfig WithRule(this LoadBalancerConfig config, Func<RuleConfig, RuleConfig> change) =>
        config.WithHttps(l => l with { Rules = l.Rules!.Select(change).ToList() });

    public static LoadBalancerConfig WithGroup(this LoadBalancerConfig config, string id, Func<ServerGroupConfig, ServerGroupConfig> change) =>
        config with { ServerGroups = config.ServerGroups.Select(g => g.ServerGroupId == id ? change(g) : g).ToList() };

    public static ListenerConfig Nlb(string id, int port, string protocol = "TCP") => new()
    {
        ListenerId = id, ListenerProtocol = protocol, ListenerPort = port, ServerGroupId = "sgp-tcp",
    };
}
