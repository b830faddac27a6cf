using System.Net.Security;
using System.Security.Authentication;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// A QUIC listener's handshakes: TLS 1.3 whatever older versions the policy lists, only the policy's TLS 1.3 suites,
/// and a refused handshake logged once while the listener goes on accepting. A plain HTTP listener shares a port.
/// </summary>
public sealed class QuicPolicyTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _aes256Only;
    private int _oldVersions;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", ["www.example.com", "fail.example.com"]);
        _aes256Only = PortAllocator.Next();
        _oldVersions = PortAllocator.Next();
        _scenario.Write(_scenario.Config([Group("sgp-web", (backend, 100))],
            Quic("lsn-aes256", _aes256Only, "cert-www", [], "sgp-web") with { SecurityPolicyId = "sp-aes256" },
            Quic("lsn-old", _oldVersions, "cert-www", [], "sgp-web") with { SecurityPolicyId = "tls_cipher_policy_1_0" },
            Http("lsn-http", _oldVersions, "sgp-web") with { XForwardedForConfig = new XForwardedForConfig { XForwardedForProtoEnabled = true } }) with
        {
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = "sp-aes256", TLSVersions = ["TLSv1.2", "TLSv1.3"], Ciphers = ["ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_AES_256_GCM_SHA384"] }],
        });
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [QuicFact]
    public async Task OnlyThePolicysTls13SuiteIsNegotiated()
    {
        var (connection, _) = await Http3Clients.ConnectAsync(_aes256Only, "www.example.com",
            o => o.CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384]));
        await using (connection)
        {
            Assert.Equal(TlsCipherSuite.TLS_AES_256_GCM_SHA384, connection.NegotiatedCipherSuite);
            Assert.Equal(SslProtocols.Tls13, connection.SslProtocol);
        }
    }

    [QuicFact]
    public async Task PolicyOfOlderVersionsStillServesTls13OverQuic()
    {
        var (connection, _) = await Http3Clients.ConnectAsync(_oldVersions, "www.example.com");
        await using (connection)
        {
            Assert.Equal(SslProtocols.Tls13, connection.SslProtocol);
        }
    }

    [QuicFact]
    public async Task PlainHttpListenerOnTheQuicListenersPortStillServesPlainHttp()
    {
        using var client = Clients.Http();

        using var response = await client.GetAsync($"http://www.example.com:{_oldVersions}/plain");
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("/plain", echo.Path);
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
    }

    [QuicFact]
    public async Task ClientWithoutThePolicysSuiteIsRefusedLoggedOnceAndTheListenerKeepsAccepting()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Http3Clients.ConnectAsync(_aes256Only, "fail.example.com",
            o => o.CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_128_GCM_SHA256])));

        var (connection, _) = await Http3Clients.ConnectAsync(_aes256Only, "www.example.com");
        await connection.DisposeAsync();
        var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.Contains("failed", StringComparison.Ordinal)
            && CapturedLogs.Property(e, "Sni") == "fail.example.com", TimeSpan.FromSeconds(20));
        await Task.Delay(1500);

        Assert.Equal("lsn-aes256", CapturedLogs.Property(line, "ListenerId"));
        Assert.Contains("cipher suite", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
        Assert.Single(_host.Logs.Events, e => CapturedLogs.Property(e, "Sni") == "fail.example.com");
    }
}
