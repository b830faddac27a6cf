using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Quic;
using System.Text.Json;
using System.Text.Json.Serialization;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

#pragma warning disable CA1416 // QUIC: the mode checks QuicConnection.IsSupported first

namespace LoadBalancer.Benchmarks;

/// <summary>
/// The <c>http3</c> mode: one LoadBalancer with an HTTPS listener and a QUIC listener on the same port, the same
/// certificate (ECDSA P-256), the same policy (TLS 1.3, TLS_AES_128_GCM_SHA256) and the same backend (a minimal
/// in-process Kestrel answering 100 bytes), driven in alternating rounds by HttpClient: keep-alive requests/s over
/// HTTP/3 and over HTTP/2 (a few connections, many streams on each), and new connections/s (handshake + one
/// request). Clients, proxy and backend share the process and its cores, so the CPU per request is all three.
/// </summary>
internal static class Http3Benchmark
{
    private const string Host = "site0.bench.test";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly byte[] Body = new byte[100];

    public static async Task<int> RunAsync(Http3Settings settings)
    {
        if (!QuicConnection.IsSupported)
        {
            await Console.Error.WriteLineAsync("http3: QUIC is not supported here (libmsquic.so.2 not found): see README, QUIC listeners");
            return 1;
        }

        Environment.SetEnvironmentVariable("LOADBALANCER_LOG_LEVEL", "Warning");
        var directory = Directory.CreateTempSubdirectory("lb-bench-http3-").FullName;
        try
        {
            using var pki = new BenchmarkPki(directory);
            await using var backend = await StartBackendAsync();
            var port = FreePort.Next();
            var path = WriteListenerFile(directory, pki.WriteLeaves(1)[0], port, backend.Port);
            await using var proxy = await StartLoadBalancerAsync(path);
            return await MeasureAsync(port, settings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(int port, Http3Settings settings)
    {
        var h2 = new List<Figures>();
        var h3 = new List<Figures>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Rounds} rounds of {settings.Duration.TotalSeconds:F0} s per measure; {settings.Connections} connections x {settings.Streams} streams; {settings.Clients} clients for new connections; {Environment.ProcessorCount} cores"));
        var warmUp = settings with { Duration = TimeSpan.FromSeconds(5) }; // JIT (tiered, PGO), TLS contexts, msquic credentials
        await RequestsAsync(port, HttpVersion.Version30, warmUp);
        await NewConnectionsAsync(port, HttpVersion.Version30, warmUp);
        await RequestsAsync(port, HttpVersion.Version20, warmUp);
        await NewConnectionsAsync(port, HttpVersion.Version20, warmUp);
        for (var round = 0; round < settings.Rounds; round++)
        {
            h3.Add(await RoundAsync(port, HttpVersion.Version30, settings));
            h2.Add(await RoundAsync(port, HttpVersion.Version20, settings));
        }

        Print(h2, h3, settings);
        return 0;
    }

    private static async Task<Figures> RoundAsync(int port, Version version, Http3Settings settings)
    {
        var requests = await RequestsAsync(port, version, settings);
        var connections = await NewConnectionsAsync(port, version, settings);
        var figures = new Figures(requests.PerSecond, requests.CpuMicroseconds, requests.NativeShare, connections.PerSecond, requests.Failures + connections.Failures);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/{version.Major}: {figures.RequestsPerSecond:F0} requests/s ({figures.CpuPerRequest:F0} µs CPU each, {figures.NativeShare:P0} on native threads), {figures.ConnectionsPerSecond:F0} new connections/s, {figures.Failures} failed"));
        return figures;
    }

    /// <summary>Keep-alive load: each connection its own HttpClient, <c>Streams</c> requests in flight on each.</summary>
    private static async Task<Rate> RequestsAsync(int port, Version version, Http3Settings settings)
    {
        var clients = Enumerable.Range(0, settings.Connections).Select(_ => Client()).ToList();
        try
        {
            foreach (var client in clients)
            {
                await SendAsync(client, port, version); // open the connection before the clock starts
            }

            return await RunForAsync(settings.Duration, clients.SelectMany(c => Enumerable.Repeat(c, settings.Streams)).ToList(), c => SendAsync(c, port, version));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>A new connection per request (full handshake, no resumption: a new HttpClient each time).</summary>
    private static Task<Rate> NewConnectionsAsync(int port, Version version, Http3Settings settings) =>
        RunForAsync(settings.Duration, Enumerable.Repeat(0, settings.Clients).ToList(), async _ =>
        {
            using var client = Client();
            await SendAsync(client, port, version);
        });

    private static async Task<Rate> RunForAsync<T>(TimeSpan duration, IReadOnlyList<T> workers, Func<T, Task> once)
    {
        var count = 0L;
        var failures = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var native = NativeThreadTicks();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    await once(worker);
                    Interlocked.Increment(ref count);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000;
        var nativeUsed = (NativeThreadTicks() - native) * 1_000_000.0 / 100; // USER_HZ is 100 on Linux
        return new Rate(count / elapsed, count == 0 ? 0 : used / count, used == 0 ? 0 : Math.Min(1, nativeUsed / used), failures);
    }

    /// <summary>
    /// CPU ticks of the threads .NET did not name (Linux): msquic's worker threads, which run QUIC, its TLS and UDP
    /// I/O and the System.Net.Quic callbacks they call (the idle main thread is among them). .NET names its own.
    /// </summary>
    private static long NativeThreadTicks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var processName = File.ReadAllText("/proc/self/comm").Trim();
        var ticks = 0L;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != processName)
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return ticks;
    }

    private static async Task SendAsync(HttpClient client, int port, Version version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{port}/") { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Host = $"{Host}:{port}";
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK || response.Version != version)
        {
            throw new HttpRequestException($"HTTP/{response.Version} {(int)response.StatusCode}");
        }
    }

    private static HttpClient Client()
    {
        var handler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = false, EnableMultipleHttp3Connections = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static void Print(List<Figures> h2, List<Figures> h3, Http3Settings settings)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TLS 1.3 TLS_AES_128_GCM_SHA256, ECDSA P-256, 100-byte responses; medians of {settings.Rounds} alternating rounds; clients, LoadBalancer and backend share one process on {Environment.ProcessorCount} cores"));
        Console.WriteLine("| measure | HTTP/3 (QUIC listener) | HTTP/2 (HTTPS listener) | HTTP/3 / HTTP/2 |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row($"keep-alive requests/s, {settings.Connections} connections x {settings.Streams} streams", h3, h2, f => f.RequestsPerSecond);
        Row("  CPU per request, µs (client + proxy + backend)", h3, h2, f => f.CpuPerRequest);
        Row("  share of that CPU on native (msquic) threads, %", h3, h2, f => f.NativeShare * 100, ratio: false);
        Row($"new connections/s (handshake + 1 request), {settings.Clients} clients", h3, h2, f => f.ConnectionsPerSecond);
    }

    private static void Row(string measure, List<Figures> h3, List<Figures> h2, Func<Figures, double> figure, bool ratio = true)
    {
        var (a, b) = (Median(h3.Select(figure)), Median(h2.Select(figure)));
        var quotient = !ratio || b == 0 ? "-" : (a / b).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {measure} | {a:F0} | {b:F0} | {quotient} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<RunningApp> StartBackendAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentLength = Body.Length;
            return context.Response.Body.WriteAsync(Body).AsTask();
        });
        await app.StartAsync();
        return new RunningApp(app, port);
    }

    private static async Task<RunningApp> StartLoadBalancerAsync(string path)
    {
        var built = SnapshotBuilder.Load(path, version: 1);
        var snapshot = built.Snapshot ?? throw new InvalidOperationException("benchmark listener file refused: " + string.Join("; ", built.Errors));
        var app = LoadBalancerHost.Create(snapshot, new HostSettings(path));
        await app.StartAsync();
        return new RunningApp(app, 0);
    }

    private static string WriteListenerFile(string directory, (string Certificate, string Key) leaf, int port, int backendPort)
    {
        var forward = new List<ActionConfig> { new() { Type = "ForwardGroup", ForwardGroupConfig = new ForwardGroupConfig { ServerGroupTuples = [new ServerGroupTuple { ServerGroupId = "sg-backend" }] } } };
        var certificates = new List<CertificateReference> { new() { CertificateId = "cert-0" } };
        var config = new LoadBalancerConfig
        {
            Certificates = [new CertificateConfig { CertificateId = "cert-0", CertificateFile = Path.GetRelativePath(directory, leaf.Certificate), PrivateKeyFile = Path.GetRelativePath(directory, leaf.Key) }],
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = "sp-aes128", TLSVersions = ["TLSv1.3"], Ciphers = ["TLS_AES_128_GCM_SHA256"] }],
            ServerGroups = [new ServerGroupConfig { ServerGroupId = "sg-backend", Servers = [new ServerConfig { ServerIp = "127.0.0.1", Port = backendPort }] }],
            LoadBalancers = [new LoadBalancerInstanceConfig
            {
                LoadBalancerId = "alb-bench", LoadBalancerType = "ALB", LoadBalancerEdition = "Standard", Address = "127.0.0.1",
                Listeners =
                [
                    new ListenerConfig { ListenerId = "lsn-https", ListenerProtocol = "HTTPS", ListenerPort = port, Certificates = certificates, SecurityPolicyId = "sp-aes128", DefaultActions = forward },
                    new ListenerConfig { ListenerId = "lsn-quic", ListenerProtocol = "QUIC", ListenerPort = port, Certificates = certificates, SecurityPolicyId = "sp-aes128", DefaultActions = forward },
                ],
            }],
        };
        var path = Path.Combine(directory, "loadbalancer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config, Json));
        return path;
    }

    private sealed record Rate(double PerSecond, double CpuMicroseconds, double NativeShare, long Failures);

    private sealed record Figures(double RequestsPerSecond, double CpuPerRequest, double NativeShare, double ConnectionsPerSecond, long Failures);

    private sealed class RunningApp(WebApplication app, int port) : IAsyncDisposable
    {
        public int Port { get; } = port;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary><c>http3 [--seconds 8] [--connections 2] [--streams 16] [--clients 4] [--rounds 3]</c>.</summary>
internal sealed record Http3Settings(TimeSpan Duration, int Connections, int Streams, int Clients, int Rounds)
{
    public static Http3Settings Parse(IReadOnlyList<string> args)
    {
        var settings = new Http3Settings(TimeSpan.FromSeconds(8), 2, 16, 4, 3);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            settings = args[i] switch
            {
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(Number(args[i + 1])) },
                "--connections" => settings with { Connections = Number(args[i + 1]) },
                "--streams" => settings with { Streams = Number(args[i + 1]) },
                "--clients" => settings with { Clients = Number(args[i + 1]) },
                "--rounds" => settings with { Rounds = Number(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option '{args[i]}' (http3 [--seconds 8] [--connections 2] [--streams 16] [--clients 4] [--rounds 3])"),
            };
        }

        return settings;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
