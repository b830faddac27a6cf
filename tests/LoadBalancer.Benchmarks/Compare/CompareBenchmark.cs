using System.Diagnostics;
using System.Globalization;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// The <c>compare</c> mode: LoadBalancer (the published binary), nginx and HAProxy, each its own process, configured
/// alike (same certificate, TLS 1.3 with TLS_AES_128_GCM_SHA256 only, no session resumption, 2 workers, the same
/// nginx backend and echo backend), measured in alternating rounds by wrk, h2load and this program's client mode,
/// each in its own process. Prints a table and writes every figure to a JSON file.
/// </summary>
internal static class CompareBenchmark
{
    public static async Task<int> RunAsync(CompareSettings settings)
    {
        var started = Stopwatch.GetTimestamp();
        var directory = Directory.CreateTempSubdirectory("lb-compare-").FullName;
        var log = Path.Combine(directory, "tools.log");
        try
        {
            var facts = await MachineFacts.CollectAsync(log);
            Console.WriteLine($"compare: {string.Join("; ", facts.Select(f => $"{f.Key}: {f.Value}"))}");
            if (settings.Includes("idle") && settings.IdleConnections < 10_000)
            {
                Console.Error.WriteLine($"note: {settings.IdleConnections} idle connections, not 10,000: the open-file limit is {ProxySetup.FileLimit} and cannot be raised here; HAProxy needs two descriptors per connection");
            }
            var crypto = await CryptoCeiling.MeasureAsync(settings.Rsa, log);
            Console.WriteLine(CryptoCeiling.Describe(crypto));
            var loadAtStart = MachineFacts.LoadAverage();
            var run = new CompareRun(settings, directory);
            var scenarios = await run.RunAsync();
            var proxies = settings.Proxies;
            var table = CompareReport.Table(scenarios, proxies, crypto);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var summary = new
            {
                Date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                Machine = facts,
                Certificate = settings.Rsa ? "RSA-2048" : "ECDSA P-256",
                settings.Runs,
                DurationSeconds = settings.Duration.TotalSeconds,
                settings.Certificates,
                settings.IdleConnections,
                LoadAverageAtStart = loadAtStart,
                LoadAverageAtEnd = MachineFacts.LoadAverage(),
                TotalSeconds = elapsed.TotalSeconds,
                Crypto = crypto,
                run.TlsChecks,
                Table = table,
            };
            CompareReport.WriteJson(settings.Output, summary, scenarios, proxies);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Date}, {facts["cores"]} cores, {summary.Certificate}, medians of {settings.Runs} run(s), load average {loadAtStart:F1} at start and {summary.LoadAverageAtEnd:F1} at end, {elapsed.TotalMinutes:F1} min"));
            Console.WriteLine(table);
            Console.WriteLine($"every figure: {settings.Output}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
