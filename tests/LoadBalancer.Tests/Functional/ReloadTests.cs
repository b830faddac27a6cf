using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using Xunit.Abstractions;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>Live reload: edits apply to new handshakes within 2 s, open connections keep working, bad edits change nothing.</summary>
public sealed class ReloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _backend;
    private int _api;

    public async Task InitializeAsync()
    {
        _backend = _scenario.AddDemoBackend("web");
        _api = _scenario.AddDemoBackend("api");
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _port = PortAllocator.Next();
        _scenario.Write(Config(Listener()));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task ReplacedCertificateIsServedToNewHandshakesWhileAnOpenConnectionKeepsAnswering()
    {
        await using var open = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
        Assert.Equal(200, (await open.GetAsync("/before")).Status);
        var before = open.ServerCertificate.Thumbprint;

        var replacement = _scenario.AddCertificate("cert-www", ["www.example.com"], LeafKey.Rsa(2048));
        var clock = Stopwatch.StartNew();
        var served = await WaitForAsync(async () => (await Clients.ServerCertificateAsync(_port, "www.example.com")).Thumbprint, t => t == replacement.Certificate.Thumbprint);
        output.WriteLine($"new certificate served {clock.ElapsedMilliseconds} ms after the files were replaced");

        Assert.NotEqual(before, served);
        var (status, body) = await open.GetAsync("/after");
        Assert.Equal(200, status);
        Assert.Equal("/after", EchoReply.Parse(body).Path);
        Assert.Equal(before, open.ServerCertificate.Thumbprint);
    }

    [Fact]
    public async Task AddedCertificateAndListenerApplyWithoutDisturbingTheOthers()
    {
        await using var open = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
        Assert.Equal(200, (await open.GetAsync("/before")).Status);
        _scenario.AddCertificate("cert-shop", ["shop.example.com"]);
        var second = PortAllocator.Next();

        var clock = Stopwatch.StartNew();
        _scenario.Write(Config(Listener() with { AdditionalCertificates = [new CertificateReference { CertificateId = "cert-shop" }] },
            Https("lsn-second", second, "cert-www", [], "sgp-web")));
        await WaitForAsync(() => CanConnectAsync(second), ok => ok);
        output.WriteLine($"new listener bound {clock.ElapsedMilliseconds} ms after the edit");
        var shop = await WaitForAsync(async () => (await Clients.ServerCertificateAsync(_port, "shop.example.com")).Subject, s => s == "CN=cert-shop");

        Assert.Equal("CN=cert-shop", shop);
        Assert.Equal(200, (await open.GetAsync("/after")).Status);
    }

    [Fact]
    public async Task RemovedListenerUnbindsAndTheRemainingOneKeepsItsConnections()
    {
        var second = PortAllocator.Next();
        _scenario.Write(Config(Listener(), Https("lsn-second", second, "cert-www", [], "sgp-web")));
        await WaitForAsync(() => CanConnectAsync(second), ok => ok);
        await using var open = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
        Assert.Equal(200, (await open.GetAsync("/before")).Status);

        _scenario.Write(Config(Listener()));
        await WaitForAsync(() => CanConnectAsync(second), ok => !ok);

        Assert.Equal(200, (await open.GetAsync("/after")).Status);
        Assert.True(await CanConnectAsync(_port));
    }

    [Fact]
    public async Task EditThatFailsValidationChangesNothingAndIsLoggedWithEveryError()
    {
        var before = (await Clients.ServerCertificateAsync(_port, "www.example.com")).Thumbprint;
        var broken = Config(Listener() with { ListenerPort = 70000, Certificates = [new CertificateReference { CertificateId = "cert-missing" }] });
        _scenario.Write(broken);

        // Each error of the refused edit is its own line, after the "Rejected" one.
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("Rejected", StringComparison.Ordinal), Deadline * 3);
        var port = await _host.Logs.WaitForAsync(e => e.Level == Serilog.Events.LogEventLevel.Error && e.RenderMessage(null).Contains("70000", StringComparison.Ordinal));
        var certificate = await _host.Logs.WaitForAsync(e => e.Level == Serilog.Events.LogEventLevel.Error && e.RenderMessage(null).Contains("cert-missing", StringComparison.Ordinal));

        Assert.Contains("ListenerPort", port.RenderMessage(null), StringComparison.Ordinal);
        Assert.Contains("Certificates[0].CertificateId", certificate.RenderMessage(null), StringComparison.Ordinal);
        Assert.Equal(before, (await Clients.ServerCertificateAsync(_port, "www.example.com")).Thumbprint);
        using var client = Clients.Http(_scenario.Root.Certificate);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"https://www.example.com:{_port}/still"))).StatusCode);
    }

    [Fact]
    public async Task CertificateFileReplacedWithGarbageIsRefusedAndTheOldOneKeepsServing()
    {
        var before = (await Clients.ServerCertificateAsync(_port, "www.example.com")).Thumbprint;
        var certificateFile = Path.Combine(_scenario.Directory.Combine("config"), _scenario.Certificates[0].CertificateFile!);
        await File.WriteAllTextAsync(certificateFile, "not a certificate");

        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("cert-www", StringComparison.Ordinal) && e.Level == Serilog.Events.LogEventLevel.Error, Deadline * 3);

        Assert.Equal(before, (await Clients.ServerCertificateAsync(_port, "www.example.com")).Thumbprint);
    }

    [Fact]
    public async Task RoutingEditAppliesToTheNextRequestOfAnOpenConnection()
    {
        await using var open = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
        Assert.Equal("web", EchoReply.Parse((await open.GetAsync("/before")).Body).Backend);

        _scenario.Write(Config(Listener() with { DefaultActions = Forward("sgp-api") }));
        var backend = await WaitForAsync(async () => EchoReply.Parse((await open.GetAsync("/after")).Body).Backend, b => b == "api");

        Assert.Equal("api", backend);
    }

    [Fact]
    public async Task ListenerWithALookAlikeIdIsAddedBesideTheOtherNotInsteadOfIt()
    {
        await using var open = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
        var second = PortAllocator.Next();

        _scenario.Write(Config(Listener(), Https("lsn_https", second, "cert-www", [], "sgp-web"), Https("LSN-HTTPS", PortAllocator.Next(), "cert-www", [], "sgp-web")));
        await WaitForAsync(() => CanConnectAsync(second), ok => ok);

        Assert.True(await CanConnectAsync(_port));
        Assert.Equal(200, (await open.GetAsync("/still-here")).Status);
    }

    [Fact]
    public async Task ListenerWhosePortAnotherProcessHoldsIsRefusedAndNothingChanges()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        _scenario.AddCertificate("cert-shop", ["shop.example.com"]);

        _scenario.Write(Config(Listener() with { AdditionalCertificates = [new CertificateReference { CertificateId = "cert-shop" }] },
            Https("lsn-taken", taken, "cert-www", [], "sgp-web")));
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("cannot be bound", StringComparison.Ordinal), Deadline * 3);

        Assert.Contains(_host.Logs.Messages, m => m.Contains("Rejected", StringComparison.Ordinal));
        Assert.Equal("CN=cert-www", (await Clients.ServerCertificateAsync(_port, "shop.example.com")).Subject);
    }

    [Fact]
    public async Task ServerThatRefusedAConnectionStaysSkippedAcrossAReload()
    {
        var dead = PortAllocator.Next();
        LoadBalancerConfig WithPair(string marker) => _scenario.Config(
            [Group("sgp-pair", (dead, 100), (_backend, 100))],
            Listener() with { DefaultActions = Forward("sgp-pair"), ListenerDescription = marker });
        _scenario.Write(WithPair("first"));
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("version 2", StringComparison.Ordinal), Deadline * 3);
        using var client = Clients.Http(_scenario.Root.Certificate);
        var url = new Uri($"https://www.example.com:{_port}/pair");

        var first = await client.GetAsync(url);
        _scenario.Write(WithPair("second"));
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("version 3", StringComparison.Ordinal), Deadline * 3);
        var after = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            after.Add((await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.All(after, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private ListenerConfig Listener() => Https("lsn-https", _port, "cert-www", [], "sgp-web");

    private LoadBalancerConfig Config(params ListenerConfig[] listeners) => _scenario.Config([Group("sgp-web", (_backend, 100)), Group("sgp-api", (_api, 100))], listeners);

    private static async Task<bool> CanConnectAsync(int port)
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done) => Poll.UntilAsync(probe, done, Deadline);
}
