using LoadBalancer.Hosting;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Hosting;

/// <summary>Freed native memory is given back to the system (malloc_trim) while connections come, on glibc.</summary>
public sealed class NativeMemoryTrimmerTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _port = PortAllocator.Next();
        _scenario.Write(_scenario.Config([Group("sgp-web", (backend, 100))], Https("lsn-https", _port, "cert-www", [], "sgp-web")));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath, s => s with { MemoryTrimInterval = TimeSpan.FromMilliseconds(100) });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task TlsConnectionsAreFollowedByTrims()
    {
        var trimmer = _host.Service<NativeMemoryTrimmer>();
        var before = trimmer.Trims;
        for (var i = 0; i < 5; i++)
        {
            await using var connection = await RawHttpsConnection.OpenAsync(_port, "www.example.com");
            Assert.Equal(200, (await connection.GetAsync("/")).Status);
        }

        await Poll.UntilAsync(() => Task.FromResult(trimmer.Trims), trims => trims > before, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(_host.Logs.Messages, m => m.Contains("no malloc_trim", StringComparison.Ordinal));
    }
}
