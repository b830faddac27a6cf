using System.Text.Json;
using System.Text.Json.Nodes;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// LoadBalancer as users run it: the published Release binary with a listener file, its own process. An ALB
/// instance with one HTTPS listener (HTTP/2 on, every certificate: the first as the default, the others as
/// additional certificates, the quota raised as Quota Center would), an NLB instance with one TCPSSL listener.
/// Logging at Warning, as the peers' access logs are off. Both listeners name the custom security policy
/// <c>sp-bench</c> (TLS 1.3, TLS_AES_128_GCM_SHA256 only), as a user would configure the comparison's TLS.
/// </summary>
internal sealed class LoadBalancerProxy(string binary) : IProxy
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Name => "LoadBalancer";

    public async Task<ChildProcess> StartAsync(ProxySetup setup)
    {
        var config = Path.Combine(setup.Directory, "loadbalancer.json");
        await File.WriteAllTextAsync(config, ListenerFile(setup).ToJsonString(Indented));
        var environment = new Dictionary<string, string> { ["LOADBALANCER_LOG_LEVEL"] = "Warning" };
        var process = ChildProcess.Start(Name, binary, ["--config", config], Path.Combine(setup.Directory, "loadbalancer.log"), environment);
        var limit = TimeSpan.FromSeconds(60 + setup.Leaves.Count / 100);
        await process.WaitForPortAsync(setup.HttpsPort, limit);
        if (setup.TcpSslPort != 0)
        {
            await process.WaitForPortAsync(setup.TcpSslPort, limit);
        }

        return process;
    }

    private const string PolicyId = "sp-bench";

    private static JsonObject ListenerFile(ProxySetup setup)
    {
        var forward = new JsonArray(new JsonObject
        {
            ["Type"] = "ForwardGroup",
            ["ForwardGroupConfig"] = new JsonObject { ["ServerGroupTuples"] = new JsonArray(new JsonObject { ["ServerGroupId"] = "sg-web" }) },
        });
        var https = new JsonObject
        {
            ["ListenerId"] = "lsn-https",
            ["ListenerProtocol"] = "HTTPS",
            ["ListenerPort"] = setup.HttpsPort,
            ["Certificates"] = new JsonArray(new JsonObject { ["CertificateId"] = "cert-0" }),
            ["AdditionalCertificates"] = new JsonArray([.. Enumerable.Range(1, setup.Leaves.Count - 1).Select(i => (JsonNode)new JsonObject { ["CertificateId"] = $"cert-{i}" })]),
            ["SecurityPolicyId"] = PolicyId,
            ["Http2Enabled"] = true,
            ["IdleTimeout"] = ProxySetup.IdleSeconds,
            ["DefaultActions"] = forward,
            ["XForwardedForConfig"] = new JsonObject { ["XForwardedForEnabled"] = true, ["XForwardedForProtoEnabled"] = true },
        };
        var instances = new JsonArray(new JsonObject
        {
            ["LoadBalancerId"] = "alb-bench",
            ["LoadBalancerType"] = "ALB",
            ["LoadBalancerEdition"] = "Standard",
            ["Address"] = "127.0.0.1",
            ["Listeners"] = new JsonArray(https),
        });
        if (setup.TcpSslPort != 0)
        {
            instances.Add(new JsonObject
            {
                ["LoadBalancerId"] = "nlb-bench",
                ["LoadBalancerType"] = "NLB",
                ["Address"] = "127.0.0.1",
                ["Listeners"] = new JsonArray(new JsonObject
                {
                    ["ListenerId"] = "lsn-tcpssl",
                    ["ListenerProtocol"] = "TCPSSL",
                    ["ListenerPort"] = setup.TcpSslPort,
                    ["CertificateIds"] = new JsonArray("cert-0"),
                    ["SecurityPolicyId"] = PolicyId,
                    ["ServerGroupId"] = "sg-echo",
                }),
            });
        }

        return new JsonObject
        {
            ["Certificates"] = new JsonArray([.. setup.Leaves.Select((leaf, i) => (JsonNode)new JsonObject
            {
                ["CertificateId"] = $"cert-{i}",
                ["CertificateFile"] = leaf.Certificate,
                ["PrivateKeyFile"] = leaf.Key,
            })]),
            ["SecurityPolicies"] = new JsonArray(new JsonObject
            {
                ["SecurityPolicyId"] = PolicyId,
                ["TLSVersions"] = new JsonArray("TLSv1.3"),
                ["Ciphers"] = new JsonArray("TLS_AES_128_GCM_SHA256"),
            }),
            ["Quotas"] = new JsonObject { ["AdditionalCertificatesPerLoadBalancer"] = Math.Max(25, setup.Leaves.Count) },
            ["ServerGroups"] = new JsonArray(
                new JsonObject { ["ServerGroupId"] = "sg-web", ["Protocol"] = "HTTP", ["Servers"] = Server(setup.HttpBackendPort) },
                new JsonObject { ["ServerGroupId"] = "sg-echo", ["Protocol"] = "TCP", ["Servers"] = Server(setup.EchoPort) }),
            ["LoadBalancers"] = instances,
        };
    }

    private static JsonArray Server(int port) => new(new JsonObject { ["ServerIp"] = "127.0.0.1", ["Port"] = port });
}
