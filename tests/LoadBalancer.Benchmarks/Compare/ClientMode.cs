using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// The comparison's own clients and echo backend, each run as a separate process of this program so that neither
/// shares a runtime with the proxy it measures:
/// <c>client handshakes|bulk|rate|idle --port P [options]</c> print one JSON line with their figures;
/// <c>echo --port P</c> serves the TCP echo backend until killed.
/// </summary>
internal static class ClientMode
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var kind = args.Count > 0 ? args[0] : "";
        var options = Options(args.Skip(1).ToList());
        var port = Number(options, "port", 0);
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var name = BenchmarkPki.NameOf(0);
        object result = kind switch
        {
            "handshakes" => await HandshakesAsync(endpoint, options),
            "bulk" => new { MBps = await new TcpSslLoad(endpoint, name).BulkAsync(Number(options, "connections", 2), (long)Number(options, "mib", 64) << 20, TimeSpan.FromMinutes(3)) },
            "rate" => await RateAsync(new TcpSslLoad(endpoint, name), options),
            "idle" => await IdleAsync(endpoint, name, options),
            _ => throw new ArgumentException($"unknown client '{kind}': handshakes, bulk, rate or idle"),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    public static async Task<int> EchoAsync(IReadOnlyList<string> args)
    {
        await using var echo = new EchoServer(Number(Options(args), "port", 0));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"echo listening on 127.0.0.1:{echo.Port}"));
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>Full handshakes (no request), SNI round-robin over the first <c>--names</c> names, after a warm-up.</summary>
    private static async Task<object> HandshakesAsync(IPEndPoint endpoint, Dictionary<string, string> options)
    {
        var names = Enumerable.Range(0, Number(options, "names", 1)).Select(BenchmarkPki.NameOf).ToList();
        var load = new HandshakeLoad(endpoint, names);
        var clients = Number(options, "clients", 4);
        await load.RunAsync(clients, TimeSpan.FromSeconds(Number(options, "warmup", 2)));
        var result = await load.RunAsync(clients, TimeSpan.FromSeconds(Number(options, "seconds", 10)));
        return new { PerSecond = result.PerSecond, result.Handshakes, result.Failures, Seconds = result.Elapsed.TotalSeconds };
    }

    private static async Task<object> RateAsync(TcpSslLoad load, Dictionary<string, string> options)
    {
        var clients = Number(options, "clients", 4);
        await load.ConnectionRateAsync(clients, TimeSpan.FromSeconds(Number(options, "warmup", 1)));
        var rate = await load.ConnectionRateAsync(clients, TimeSpan.FromSeconds(Number(options, "seconds", 8)));
        return new { PerSecond = rate.PerSecond, rate.Connections, rate.Failures, Seconds = rate.Elapsed.TotalSeconds };
    }

    /// <summary>
    /// Opens the connections (HTTPS with one request each, or with <c>--echo N</c> TCPSSL with N bytes echoed on each),
    /// says so, then holds them until standard input closes.
    /// </summary>
    private static async Task<object> IdleAsync(IPEndPoint endpoint, string name, Dictionary<string, string> options)
    {
        await using var idle = new IdleConnections(endpoint, name, Number(options, "echo", 0));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = await idle.OpenAsync(Number(options, "connections", 10_000), Number(options, "parallel", 16));
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { Open = idle.Count, Failed = failed, Seconds = seconds }));
        await Console.In.ReadToEndAsync();
        return new { Closed = idle.Count };
    }

    private static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    private static int Number(Dictionary<string, string> options, string key, int fallback) =>
        options.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
