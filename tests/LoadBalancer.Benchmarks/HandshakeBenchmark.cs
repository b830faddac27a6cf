using System.Globalization;
using System.Net;
using LoadBalancer.Hosting;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// The <c>handshakes</c> mode: for each certificate count, PEM files on disk, then start-up (listener file read,
/// validated, certificates loaded, selector built, Kestrel started, first handshake done), then full TLS 1.3
/// handshakes per second for a while with cold certificate contexts (each made on a certificate's first use),
/// then again after every context has been made. Client and server share this machine's cores.
/// </summary>
internal static class HandshakeBenchmark
{
    public static async Task<int> RunAsync(HandshakeSettings settings)
    {
        Environment.SetEnvironmentVariable("LOADBALANCER_LOG_LEVEL", "Warning");
        Console.WriteLine($"handshakes: {Environment.ProcessorCount} cores shared by server and {settings.Clients} client tasks, {settings.Duration.TotalSeconds:F0} s per measurement, reload poll every {settings.PollInterval.TotalSeconds:F0} s");
        var runs = new List<HandshakeRun>();
        foreach (var count in settings.Counts)
        {
            runs.Add(await RunOneAsync(count, settings));
        }

        HandshakeReport.Print(runs, Console.Out);
        return 0;
    }

    private static async Task<HandshakeRun> RunOneAsync(int count, HandshakeSettings settings)
    {
        var directory = Directory.CreateTempSubdirectory("lb-bench-").FullName;
        try
        {
            using var pki = new BenchmarkPki(directory);
            var leaves = Timed($"{count} certificates: generating PEM files", () => pki.WriteLeaves(count));
            var port = FreePort.Next();
            var path = ListenerFileWriter.Write(directory, leaves, port, FreePort.Next());
            var names = Enumerable.Range(0, Math.Min(count, settings.SniNames ?? count)).Select(BenchmarkPki.NameOf).ToList();
            return await MeasureAsync(path, new HandshakeLoad(new IPEndPoint(IPAddress.Loopback, port), names), count, settings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<HandshakeRun> MeasureAsync(string path, HandshakeLoad load, int count, HandshakeSettings settings)
    {
        var startup = new StartupTimings();
        var built = startup.Time("read, validate and load", () => SnapshotBuilder.Load(path, version: 1));
        var snapshot = built.Snapshot ?? throw new InvalidOperationException("benchmark listener file refused: " + string.Join("; ", built.Errors));
        var app = startup.Time("create host", () => LoadBalancerHost.Create(snapshot, new HostSettings(path) { PollInterval = settings.PollInterval }));
        try
        {
            await startup.TimeAsync("start host", () => app.StartAsync());
            await startup.TimeAsync("first handshake", () => load.HandshakeAsync(BenchmarkPki.NameOf(0), CancellationToken.None));
            Console.WriteLine($"{count} certificates: start-up {startup.Total.TotalSeconds:F2} s ({startup})");
            var cold = await load.RunAsync(settings.Clients, settings.Duration);
            Console.WriteLine($"{count} certificates: cold contexts {Describe(cold)}");
            var warming = Timed($"{count} certificates: making every certificate context", () => WarmContexts(snapshot));
            var warm = await load.RunAsync(settings.Clients, settings.Duration);
            Console.WriteLine($"{count} certificates: warm contexts {Describe(warm)}");
            return new HandshakeRun(count, startup, cold, warming, warm);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>What a pass of handshakes over every name would do first: make each certificate's SslStream context.</summary>
    private static TimeSpan WarmContexts(RuntimeSnapshot snapshot)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Parallel.ForEach(snapshot.Certificates.ById.Values, c => _ = c.Context);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    private static T Timed<T>(string what, Func<T> action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = action();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s"));
        return result;
    }

    private static string Describe(HandshakeLoad.Result result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.PerSecond:F0} handshakes/s ({result.Handshakes} in {result.Elapsed.TotalSeconds:F1} s, {result.Failures} failed)");
}
