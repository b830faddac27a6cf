using System.Diagnostics;
using LoadBalancer.Hosting;
using LoadBalancer.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Hosting;

/// <summary>
/// Socket work runs on one event thread per core (SocketEventLoop): the shipped binary turns it on itself, the
/// environment can turn it off, and the host these tests start in their own process runs the same way.
/// </summary>
public sealed class SocketEventLoopTests : IDisposable
{
    private const string EventThreadName = ".NET Sockets";
    private readonly TestScenario _scenario = new();
    private readonly int _port;

    public SocketEventLoopTests()
    {
        var backend = _scenario.AddDemoBackend("web");
        _port = PortAllocator.Next();
        _scenario.Write(_scenario.Config([Group("sgp-web", (backend, 100))], Http("lsn-http", _port, "sgp-web")));
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task TheBinaryRunsOneSocketEventThreadPerCore()
    {
        var threads = await EventThreadsOfTheBinaryAsync(inlineCompletions: null);

        Assert.Equal(Environment.ProcessorCount, threads);
    }

    [Fact]
    public async Task ZeroInTheEnvironmentKeepsDotnetsSingleEventThread()
    {
        var threads = await EventThreadsOfTheBinaryAsync(inlineCompletions: "0");

        // .NET's default: one event thread per 30 cores, at least one.
        Assert.Equal(Math.Max(1, (int)Math.Round(Environment.ProcessorCount / 30.0)), threads);
    }

    [Fact]
    public async Task TheHostInTheTestProcessRunsTheSameWay()
    {
        await using var host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
        using var client = new HttpClient();
        Assert.Equal(200, (int)(await client.GetAsync(new Uri($"http://127.0.0.1:{_port}/"))).StatusCode);

        Assert.True(host.Service<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling, "Kestrel's pipes are not scheduled inline");
        Assert.Equal(Environment.ProcessorCount, EventThreads(Environment.ProcessId));
    }

    /// <summary>Starts the built binary on the scenario (the variable removed, or set), waits for an answer, counts.</summary>
    private async Task<int> EventThreadsOfTheBinaryAsync(string? inlineCompletions)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LoadBalancer.dll"));
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(_scenario.ConfigPath);
        start.Environment.Remove(SocketEventLoop.Variable);
        if (inlineCompletions is not null)
        {
            start.Environment[SocketEventLoop.Variable] = inlineCompletions;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the binary");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient();
            await Poll.UntilAsync(() => StatusAsync(client), status => status == 200, TimeSpan.FromSeconds(30));
            return EventThreads(process.Id);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.WhenAll(output, errors);
        }
    }

    private async Task<int> StatusAsync(HttpClient client)
    {
        try
        {
            return (int)(await client.GetAsync(new Uri($"http://127.0.0.1:{_port}/"))).StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static int EventThreads(int processId) =>
        Directory.GetDirectories($"/proc/{processId}/task").Count(task => ThreadName(task) == EventThreadName);

    /// <summary>The thread's name; none for a thread that ended since the folder was listed.</summary>
    private static string? ThreadName(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
