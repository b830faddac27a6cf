using System.Net;
using LoadBalancer.Cli;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Listeners.Quic;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// Where libmsquic is missing (CI): the host starts and serves every other listener, says once per QUIC listener that
/// HTTP/3 is unavailable and why, advertises no HTTP/3, and <c>validate</c> warns without failing. Runs everywhere:
/// the host is told the machine has no libmsquic.
/// </summary>
public sealed class QuicUnavailableTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _backend;

    public async Task InitializeAsync()
    {
        _backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _port = PortAllocator.Next();
        _scenario.Write(Config());
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath, s => s with { Quic = QuicSupport.Missing });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task HttpsIsServedWithoutAltSvcAndEachQuicListenerIsReportedOnceWithTheReason()
    {
        using var client = Clients.Http(_scenario.Root.Certificate);
        using var response = await client.GetAsync($"https://www.example.com:{_port}/");
        _scenario.Write(Config(extraHttps: true));
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("version 2", StringComparison.Ordinal));

        var notices = _host.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP/3 is unavailable", StringComparison.Ordinal)).ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Alt-Svc"));
        Assert.Equal(["lsn-quic", "lsn-quic2"], notices.Select(e => CapturedLogs.Property(e, "ListenerId")).Order());
        Assert.All(notices, e => Assert.Contains("libmsquic.so.2", CapturedLogs.Property(e, "Reason"), StringComparison.Ordinal));
        Assert.All(notices, e => Assert.Contains("QuicListener.IsSupported is false", CapturedLogs.Property(e, "Reason"), StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateWarnsPerQuicListenerAndSucceeds()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = ValidateCommand.Run(ParsedArguments.Parse(["validate", "--config", _scenario.ConfigPath]), stdout, stderr, QuicSupport.Missing);

        Assert.Equal(0, code);
        Assert.Contains("OK", stdout.ToString(), StringComparison.Ordinal);
        var warnings = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.StartsWith("warning: Listener 'lsn-quic", w, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains("HTTP/3 is unavailable on this machine", w, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains("libmsquic.so.2", w, StringComparison.Ordinal));
    }

    private LoadBalancerConfig Config(bool extraHttps = false)
    {
        ListenerConfig[] listeners =
        [
            Https("lsn-https", _port, "cert-www", [], "sgp-web") with { QuicConfig = new QuicConfig { QuicUpgradeEnabled = true, QuicListenerId = "lsn-quic" } },
            Quic("lsn-quic", _port, "cert-www", [], "sgp-web"),
            Quic("lsn-quic2", _port + 1, "cert-www", [], "sgp-web"),
        ];
        return _scenario.Config([Group("sgp-web", (_backend, 100))], extraHttps ? [.. listeners, Https("lsn-https2", PortAllocator.Next(), "cert-www", [], "sgp-web")] : listeners);
    }
}
