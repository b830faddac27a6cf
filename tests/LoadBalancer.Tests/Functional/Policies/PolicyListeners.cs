using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>
/// One host with an HTTPS listener per system policy and for a custom one, plus TCPSSL listeners for
/// tls_cipher_policy_1_0 and the custom policy; each serves an ECC and an RSA certificate for www.example.com.
/// </summary>
public sealed class PolicyListeners : IAsyncLifetime
{
    public const string ServerName = "www.example.com";

    private readonly TestScenario _scenario = new();
    private readonly TcpEchoServer _echo = new();
    private RunningLoadBalancer _host = null!;

    /// <summary>Policy id → port, per listener protocol.</summary>
    public Dictionary<string, int> HttpsPorts { get; } = [];

    public Dictionary<string, int> TcpSslPorts { get; } = [];

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-ecc", [ServerName], LeafKey.EcP256);
        _scenario.AddCertificate("cert-rsa", [ServerName], LeafKey.Rsa(2048));
        var expected = ProductPolicyTable.System.Append(ProductPolicyTable.Custom).ToList();
        expected.ForEach(p => HttpsPorts[p.Id] = PortAllocator.Next());
        foreach (var id in new[] { "tls_cipher_policy_1_0", ProductPolicyTable.Custom.Id })
        {
            TcpSslPorts[id] = PortAllocator.Next();
        }

        var config = _scenario.Config(
            [TestScenario.Group("sgp-web", (backend, 100)), TestScenario.Group("sgp-echo", (_echo.Port, 100)) with { Protocol = "TCP" }],
            [.. HttpsPorts.Select(p => TestScenario.Https($"lsn-{p.Key}", p.Value, "cert-rsa", ["cert-ecc"], "sgp-web") with { SecurityPolicyId = p.Key })]);
        _scenario.Write(config with
        {
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = ProductPolicyTable.Custom.Id, TLSVersions = [.. ProductPolicyTable.Custom.Versions], Ciphers = [.. ProductPolicyTable.Custom.Ciphers] }],
            LoadBalancers = [.. config.LoadBalancers, Nlb()],
        });
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _echo.Dispose();
        _scenario.Dispose();
    }

    private LoadBalancerInstanceConfig Nlb() => new()
    {
        LoadBalancerId = "nlb-test", LoadBalancerType = "NLB", Address = "127.0.0.1",
        Listeners =
        [
            .. TcpSslPorts.Select(p => new ListenerConfig
            {
                ListenerId = $"lsn-tcpssl-{p.Key}", ListenerProtocol = "TCPSSL", ListenerPort = p.Value, ServerGroupId = "sgp-echo",
                CertificateIds = ["cert-ecc"], AdditionalCertificateIds = ["cert-rsa"], SecurityPolicyId = p.Key,
            }),
        ],
    };
}
