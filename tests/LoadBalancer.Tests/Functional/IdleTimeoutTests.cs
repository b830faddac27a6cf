using System.Diagnostics;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>ALB's IdleTimeout: a connection with no request in flight for that long is closed; a busy one is not.</summary>
public sealed class IdleTimeoutTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _busyPort;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _port = PortAllocator.Next();
        _busyPort = PortAllocator.Next();
        _scenario.Write(_scenario.Config([Group("sgp-web", (backend, 100))],
            Https("lsn-https", _port, "cert-www", [], "sgp-web") with { IdleTimeout = 1 },
            Https("lsn-busy", _busyPort, "cert-www", [], "sgp-web") with { IdleTimeout = 3 }));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task ConnectionWithoutRequestsForTheIdleTimeoutIsClosed()
    {
        await using var connection = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
        Assert.Equal(200, (await connection.GetAsync("/first")).Status);

        await Task.Delay(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<IOException>(() => connection.GetAsync("/too-late"));
    }

    [Fact]
    public async Task ConnectionSendingRequestsMoreOftenThanTheIdleTimeoutStaysOpen()
    {
        // A 3 s timeout and a request every 0.5 s for 4.5 s: only requests can have kept it open.
        await using var connection = await RawHttpsConnection.OpenAsync(_busyPort, "www.example.com");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(4.5))
        {
            Assert.Equal(200, (await connection.GetAsync("/busy")).Status);
            await Task.Delay(500);
        }
    }
}
