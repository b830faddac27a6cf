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
    private int _aes128Only;
    private int _oldVersions;
    private int _idle;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", ["www.example.com", "fail.example.com"]);
        _aes128Only = PortAllocator.Next();
        _oldVersions = PortAllocator.Next();
        _idle = PortAllocator.Next();
        _scenario.Write(_scenario.Config([Group("sgp-web", (backend, 100))],
            Quic("lsn-aes128", _aes128Only, "cert-www", [], "sgp-web") with { SecurityPolicyId = "sp-aes128" },
            Quic("lsn-old", _oldVersions, "cert-www", [], "sgp-web") with { SecurityPolicyId = "tls_cipher_policy_1_0" },
            Quic("lsn-idle", _idle, "cert-www", [], "sgp-web") with { IdleTimeout = 1 },
            Http("lsn-http", _oldVersions, "sgp-web") with { XForwardedForConfig = new XForwardedForConfig { XForwardedForProtoEnabled = true } }) with
        {
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = "sp-aes128", TLSVersions = ["TLSv1.2", "TLSv1.3"], Ciphers = ["ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"] }],
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
        // Left to itself msquic prefers AES-256-GCM (PolicyEditChangesTheSuiteOfNewQuicConnections).
        var (connection, _) = await Http3Clients.ConnectAsync(_aes128Only, "www.example.com",
            o => o.CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_AES_128_GCM_SHA256]));
        await using (connection)
        {
            Assert.Equal(TlsCipherSuite.TLS_AES_128_GCM_SHA256, connection.NegotiatedCipherSuite);
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
    public async Task IdleQuicConnectionIsClosedAfterTheListenersIdleTimeout()
    {
        using var client = Http3Clients.Http(_scenario.Root.Certificate);
        using (var first = Http3Clients.Get(_idle, "www.example.com", "/first"))
        {
            (await client.SendAsync(first)).Dispose();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        using (var second = Http3Clients.Get(_idle, "www.example.com", "/second"))
        {
            (await client.SendAsync(second)).Dispose();
        }

        // The first connection was closed for being idle, so the second request needed a handshake of its own.
        Assert.Equal(2, _host.Logs.Events.Count(e => e.MessageTemplate.Text.StartsWith("QUIC handshake on", StringComparison.Ordinal) && CapturedLogs.Property(e, "ListenerId") == "lsn-idle"));
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
        await Assert.ThrowsAnyAsync<Exception>(() => Http3Clients.ConnectAsync(_aes128Only, "fail.example.com",
            o => o.CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_256_GCM_SHA384])));

        var (connection, _) = await Http3Clients.ConnectAsync(_aes128Only, "www.example.com");
        await connection.DisposeAsync();
        var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.Contains("failed", StringComparison.Ordinal)
            && CapturedLogs.Property(e, "Sni") == "fail.example.com", TimeSpan.FromSeconds(20));
        await Task.Delay(1500);

        Assert.Equal("lsn-aes128", CapturedLogs.Property(line, "ListenerId"));
        Assert.Contains("cipher suite", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
        Assert.Single(_host.Logs.Events, e => CapturedLogs.Property(e, "Sni") == "fail.example.com");
    }
}
