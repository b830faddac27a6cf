using System.Net;
using System.Net.Security;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>Live reload on QUIC listeners: certificates and policies apply to new connections, open ones continue.</summary>
public sealed class QuicReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _backend;

    public async Task InitializeAsync()
    {
        _backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", ["www.example.com", "probe.example.com"]);
        _port = PortAllocator.Next();
        _scenario.Write(Config(Listener()));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [QuicFact]
    public async Task ReplacedCertificateIsServedToNewQuicConnectionsWhileAnOpenOneKeepsAnswering()
    {
        using var client = Http3Clients.Http(_scenario.Root.Certificate);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/before")).StatusCode);
        var before = (await Http3Clients.ServerCertificateAsync(_port, "probe.example.com")).Thumbprint;

        var replacement = _scenario.AddCertificate("cert-www", ["www.example.com", "probe.example.com"], LeafKey.Rsa(2048));
        var served = await WaitForAsync(async () => (await Http3Clients.ServerCertificateAsync(_port, "probe.example.com")).Thumbprint, t => t == replacement.Certificate.Thumbprint);
        using var after = await SendAsync(client, "/after");

        Assert.NotEqual(before, served);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpVersion.Version30, after.Version);
        // The same QUIC connection answered both requests: one handshake for that name.
        Assert.Single(_host.Logs.Events, e => e.MessageTemplate.Text.StartsWith("QUIC handshake on", StringComparison.Ordinal) && CapturedLogs.Property(e, "Sni") == "www.example.com");
    }

    [QuicFact]
    public async Task PolicyEditChangesTheSuiteOfNewQuicConnections()
    {
        var (first, _) = await Http3Clients.ConnectAsync(_port, "www.example.com");
        await first.DisposeAsync();
        Assert.Equal(TlsCipherSuite.TLS_AES_256_GCM_SHA384, first.NegotiatedCipherSuite); // msquic's preference among the stack's three

        _scenario.Write(Config(Listener() with { SecurityPolicyId = "sp-chacha" }));
        var suite = await WaitForAsync(async () =>
        {
            var (connection, _) = await Http3Clients.ConnectAsync(_port, "www.example.com");
            await connection.DisposeAsync();
            return connection.NegotiatedCipherSuite;
        }, s => s == TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256);

        Assert.Equal(TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, suite);
    }

    [QuicFact]
    public async Task AddedQuicListenerBindsAndRemovedOneUnbinds()
    {
        var second = PortAllocator.Next();
        _scenario.Write(Config(Listener(), Quic("lsn-quic2", second, "cert-www", [], "sgp-web")));
        var added = await WaitForAsync(() => AnswersAsync(second), ok => ok);

        _scenario.Write(Config(Listener()));
        var removed = await WaitForAsync(() => AnswersAsync(second), ok => !ok);

        Assert.True(added);
        Assert.False(removed);
        Assert.True(await AnswersAsync(_port));
    }

    [QuicFact]
    public async Task QuicListenerOnAUdpPortAnotherProcessHoldsIsRefusedAndTheRestKeepsServing()
    {
        var taken = PortAllocator.Next();
        using var holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, taken));

        _scenario.Write(Config(Listener(), Quic("lsn-taken", taken, "cert-www", [], "sgp-web")));
        var rejected = await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("cannot be bound", StringComparison.Ordinal), Deadline * 2);

        Assert.Contains("lsn-taken", rejected.RenderMessage(null), StringComparison.Ordinal);
        Assert.True(await AnswersAsync(_port));
    }

    private LoadBalancerConfig Config(params ListenerConfig[] listeners) => _scenario.Config([Group("sgp-web", (_backend, 100))], listeners) with
    {
        SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = "sp-chacha", TLSVersions = ["TLSv1.2", "TLSv1.3"], Ciphers = ["ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_CHACHA20_POLY1305_SHA256"] }],
    };

    private ListenerConfig Listener() => Quic("lsn-quic", _port, "cert-www", [], "sgp-web");

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string path)
    {
        using var request = Http3Clients.Get(_port, "www.example.com", path);
        return client.SendAsync(request);
    }

    private async Task<bool> AnswersAsync(int port)
    {
        using var client = Http3Clients.Http(_scenario.Root.Certificate);
        client.Timeout = TimeSpan.FromSeconds(1);
        try
        {
            using var request = Http3Clients.Get(port, "www.example.com", "/");
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done) => Poll.UntilAsync(probe, done, Deadline);
}
