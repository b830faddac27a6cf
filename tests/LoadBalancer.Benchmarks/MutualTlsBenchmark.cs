using System.Net;
using LoadBalancer.Hosting;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// The <c>mtls</c> mode: one listener with one certificate, full TLS 1.3 handshakes per second with mutual TLS off,
/// then on (the client presents a certificate of the listener's CA, which the listener verifies), in alternating
/// rounds. The difference is the cost of the client-certificate check: the trust store and chain policy are built
/// once per snapshot, so what remains is the chain verification itself (and the client's extra signature).
/// </summary>
internal static class MutualTlsBenchmark
{
    public static async Task<int> RunAsync(HandshakeSettings settings)
    {
        Environment.SetEnvironmentVariable("LOADBALANCER_LOG_LEVEL", "Warning");
        var directory = Directory.CreateTempSubdirectory("lb-bench-mtls-").FullName;
        try
        {
            using var pki = new BenchmarkPki(directory);
            var leaves = pki.WriteLeaves(1);
            var caFile = pki.WriteCaCertificate();
            using var client = pki.CreateClient();
            var off = new List<double>();
            var on = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                off.Add(await MeasureAsync(directory, leaves, null, null, settings));
                on.Add(await MeasureAsync(directory, leaves, caFile, client, settings));
            }

            Print(off, on, settings);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<double> MeasureAsync(string directory, (string, string)[] leaves, string? caFile, System.Security.Cryptography.X509Certificates.X509Certificate2? client, HandshakeSettings settings)
    {
        var port = FreePort.Next();
        var path = ListenerFileWriter.Write(directory, leaves, port, FreePort.Next(), caFile);
        var built = SnapshotBuilder.Load(path, version: 1);
        var snapshot = built.Snapshot ?? throw new InvalidOperationException("benchmark listener file refused: " + string.Join("; ", built.Errors));
        var app = LoadBalancerHost.Create(snapshot, new HostSettings(path));
        await app.StartAsync();
        try
        {
            var load = new HandshakeLoad(new IPEndPoint(IPAddress.Loopback, port), [BenchmarkPki.NameOf(0)], client);
            await load.RunAsync(settings.Clients, TimeSpan.FromSeconds(2));
            var result = await load.RunAsync(settings.Clients, settings.Duration);
            Console.WriteLine($"mTLS {(client is null ? "off" : "on ")}: {result.PerSecond:F0} handshakes/s ({result.Handshakes} in {result.Elapsed.TotalSeconds:F1} s, {result.Failures} failed)");
            return result.PerSecond;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void Print(List<double> off, List<double> on, HandshakeSettings settings)
    {
        Console.WriteLine();
        Console.WriteLine($"full TLS 1.3 handshakes/s, ECDSA P-256 server and client certificates, {settings.Clients} client tasks sharing {Environment.ProcessorCount} cores with the server");
        Console.WriteLine("| round | mTLS off | mTLS on | on/off |");
        Console.WriteLine("|---:|---:|---:|---:|");
        for (var i = 0; i < off.Count; i++)
        {
            Console.WriteLine($"| {i + 1} | {off[i]:F0} | {on[i]:F0} | {on[i] / off[i]:F2} |");
        }

        Console.WriteLine($"| median | {Median(off):F0} | {Median(on):F0} | {Median(on) / Median(off):F2} |");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
