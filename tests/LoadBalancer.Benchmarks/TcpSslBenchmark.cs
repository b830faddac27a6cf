using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Hosting;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// The <c>tcpssl</c> mode: LoadBalancer's NLB TCPSSL listener against HAProxy, both ending TLS 1.3
/// (TLS_AES_128_GCM_SHA256) with the same ECDSA P-256 certificate for the same in-process TCP echo backend, in
/// alternating rounds: bulk throughput (a few connections each sending N MiB and reading the echo back) and the
/// connection rate (new TLS connection, 1 KiB echoed, close) from a few client tasks.
/// </summary>
internal static class TcpSslBenchmark
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static async Task<int> RunAsync(TcpSslSettings settings)
    {
        Environment.SetEnvironmentVariable("LOADBALANCER_LOG_LEVEL", "Warning");
        var directory = Directory.CreateTempSubdirectory("lb-bench-tcpssl-").FullName;
        try
        {
            using var pki = new BenchmarkPki(directory);
            var leaf = pki.WriteLeaves(1)[0];
            await using var echo = new EchoServer();
            var loadBalancer = new List<(double Bulk, double Rate)>();
            var haproxy = new List<(double Bulk, double Rate)>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                loadBalancer.Add(await MeasureLoadBalancerAsync(directory, leaf, echo.Port, settings));
                haproxy.Add(await MeasureHaProxyAsync(directory, leaf, echo.Port, settings));
            }

            Print(loadBalancer, haproxy, settings);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(double, double)> MeasureLoadBalancerAsync(string directory, (string, string) leaf, int echoPort, TcpSslSettings settings)
    {
        var port = FreePort.Next();
        var path = WriteListenerFile(directory, leaf, port, echoPort);
        var built = SnapshotBuilder.Load(path, version: 1);
        var snapshot = built.Snapshot ?? throw new InvalidOperationException("benchmark listener file refused: " + string.Join("; ", built.Errors));
        var app = LoadBalancerHost.Create(snapshot, new HostSettings(path));
        await app.StartAsync();
        try
        {
            return await MeasureAsync("LoadBalancer", port, settings);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(double, double)> MeasureHaProxyAsync(string directory, (string, string) leaf, int echoPort, TcpSslSettings settings)
    {
        var port = FreePort.Next();
        await using var haproxy = await HaProxyProcess.StartAsync(directory, leaf, port, echoPort);
        return await MeasureAsync("HAProxy", port, settings);
    }

    private static async Task<(double, double)> MeasureAsync(string proxy, int port, TcpSslSettings settings)
    {
        var load = new TcpSslLoad(new IPEndPoint(IPAddress.Loopback, port), BenchmarkPki.NameOf(0));
        var limit = TimeSpan.FromSeconds(120);
        await load.BulkAsync(settings.Connections, 4L << 20, limit);
        var bulk = await load.BulkAsync(settings.Connections, (long)settings.MiB << 20, limit);
        await load.ConnectionRateAsync(settings.Clients, TimeSpan.FromSeconds(1));
        var rate = await load.ConnectionRateAsync(settings.Clients, settings.Duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{proxy,-12}: bulk {bulk:F0} MB/s, {rate.PerSecond:F0} connections/s ({rate.Connections} in {rate.Elapsed.TotalSeconds:F1} s, {rate.Failures} failed)"));
        return (bulk, rate.PerSecond);
    }

    private static string WriteListenerFile(string directory, (string Certificate, string Key) leaf, int port, int echoPort)
    {
        var config = new LoadBalancerConfig
        {
            Certificates = [new CertificateConfig
            {
                CertificateId = "cert-0",
                CertificateFile = Path.GetRelativePath(directory, leaf.Certificate),
                PrivateKeyFile = Path.GetRelativePath(directory, leaf.Key),
            }],
            ServerGroups = [new ServerGroupConfig
            {
                ServerGroupId = "sg-echo",
                Protocol = "TCP",
                Servers = [new ServerConfig { ServerIp = "127.0.0.1", Port = echoPort }],
            }],
            LoadBalancers = [new LoadBalancerInstanceConfig
            {
                LoadBalancerId = "nlb-bench",
                LoadBalancerType = "NLB",
                Address = "127.0.0.1",
                Listeners = [new ListenerConfig
                {
                    ListenerId = "lsn-tcpssl",
                    ListenerProtocol = "TCPSSL",
                    ListenerPort = port,
                    CertificateIds = ["cert-0"],
                    SecurityPolicyId = "tls_cipher_policy_1_2_strict_with_1_3", // TLS 1.3, as HAProxy is measured
                    ServerGroupId = "sg-echo",
                }],
            }],
        };
        var path = Path.Combine(directory, "loadbalancer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config, Json));
        return path;
    }

    private static void Print(List<(double Bulk, double Rate)> loadBalancer, List<(double Bulk, double Rate)> haproxy, TcpSslSettings settings)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TLS 1.3 TLS_AES_128_GCM_SHA256, ECDSA P-256; medians of {settings.Rounds} alternating rounds; clients, proxies and echo backend share {Environment.ProcessorCount} cores"));
        Console.WriteLine("| measure | LoadBalancer | HAProxy | LoadBalancer / HAProxy |");
        Console.WriteLine("|---|---:|---:|---:|");
        var bulkLb = Median(loadBalancer.Select(r => r.Bulk));
        var bulkHa = Median(haproxy.Select(r => r.Bulk));
        var rateLb = Median(loadBalancer.Select(r => r.Rate));
        var rateHa = Median(haproxy.Select(r => r.Rate));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| bulk, {settings.Connections} connection(s) x {settings.MiB} MiB echoed, MB/s | {bulkLb:F0} | {bulkHa:F0} | {bulkLb / bulkHa:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| connections/s (handshake + 1 KiB echoed), {settings.Clients} clients, {settings.Duration.TotalSeconds:F0} s | {rateLb:F0} | {rateHa:F0} | {rateLb / rateHa:F2} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary><c>tcpssl [--connections 2] [--mib 64] [--clients 4] [--seconds 8] [--rounds 3]</c>.</summary>
internal sealed record TcpSslSettings(int Connections, int MiB, int Clients, TimeSpan Duration, int Rounds)
{
    public static TcpSslSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new TcpSslSettings(2, 64, 4, TimeSpan.FromSeconds(8), 3);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            settings = args[i] switch
            {
                "--connections" => settings with { Connections = Number(args[i + 1]) },
                "--mib" => settings with { MiB = Number(args[i + 1]) },
                "--clients" => settings with { Clients = Number(args[i + 1]) },
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(Number(args[i + 1])) },
                "--rounds" => settings with { Rounds = Number(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return settings;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
