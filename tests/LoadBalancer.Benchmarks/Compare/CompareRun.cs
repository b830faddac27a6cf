using System.Diagnostics;
using System.Globalization;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// One comparison: the backends, then the proxies with one certificate (keep-alive HTTP/1.1 and HTTP/2, full
/// handshakes, TCPSSL), the idle-connection memory, and the proxies with the large certificate set. Every round of
/// every scenario runs on freshly started proxies. The Kestrel+YARP floor takes part in the HTTPS scenarios with
/// one certificate only (it has no TCPSSL and no SNI).
/// </summary>
internal sealed class CompareRun(CompareSettings settings, string directory)
{
    private const int BodyBytes = 100;
    private readonly LoadTools _tools = new(directory);
    private readonly string _log = Path.Combine(directory, "tools.log");
    private readonly Dictionary<string, int> _handshakeRequests = [];
    private int _httpBackendPort;
    private int _echoPort;

    public Dictionary<string, string> TlsChecks { get; } = [];

    public async Task<List<ScenarioResult>> RunAsync()
    {
        var scenarios = new List<ScenarioResult>();
        using var pki = new BenchmarkPki(Folder("pki"), settings.Rsa);
        await using var backend = await StartBackendAsync();
        await using var echo = await StartEchoAsync();
        var one = Leaves(pki, 1);
        if (new[] { "h1", "h2", "handshakes", "tcpssl" }.Any(settings.Includes))
        {
            scenarios.AddRange(await OneCertificateAsync(one));
        }

        if (settings.Includes("idle"))
        {
            scenarios.Add(await IdleMemoryAsync(one, tcpSsl: false));
        }

        if (settings.Includes("tcpssl-idle"))
        {
            scenarios.Add(await IdleMemoryAsync(one, tcpSsl: true));
        }

        if (settings.Includes("sni"))
        {
            scenarios.AddRange(await ManyCertificatesAsync(pki));
        }

        return scenarios;
    }

    private async Task<List<ScenarioResult>> OneCertificateAsync(IReadOnlyList<Leaf> leaves)
    {
        // Bulk transfers of a few seconds per figure: at 64 MiB each (under a second) rounds spread by 15 %.
        var mib = settings.Quick ? "64" : "256";
        var d = settings.Duration;
        var scenarios = new List<(ScenarioResult Result, Func<RunningProxy, Task> WarmUp, Func<RunningProxy, Task<Dictionary<string, double>>> Measure, string? Rate, bool TcpSsl)>();
        if (settings.Includes("h1"))
        {
            scenarios.Add((new ScenarioResult("h1", "HTTPS keep-alive HTTP/1.1: wrk -t1 -c64 --latency"),
                p => _tools.WrkAsync(p.Setup.HttpsPort, 64, settings.WarmUp), p => _tools.WrkAsync(p.Setup.HttpsPort, 64, d), "rps", false));
        }

        if (settings.Includes("h2"))
        {
            scenarios.Add((new ScenarioResult("h2", "HTTPS keep-alive HTTP/2: h2load -t1 -c16 -m10"),
                p => _tools.H2Async(p.Setup.HttpsPort, 16, 10, settings.WarmUp), p => _tools.H2Async(p.Setup.HttpsPort, 16, 10, d), "rps", false));
        }

        if (settings.Includes("handshakes"))
        {
            scenarios.Add((new ScenarioResult("handshakes", "full handshakes: h2load --h1 -H 'Connection: close' -t1 -c16"),
                CalibrateHandshakesAsync, p => _tools.HandshakesAsync(p.Setup.HttpsPort, 16, _handshakeRequests[p.Name]), "rps", false));
        }

        if (settings.Includes("tcpssl"))
        {
            scenarios.Add((new ScenarioResult("tcpssl-bulk", $"TCPSSL bulk: 2 connections x {mib} MiB echoed (own client)"),
                p => _tools.OwnClientAsync("bulk", "--port", Port(p.Setup.TcpSslPort), "--mib", "4"),
                p => _tools.OwnClientAsync("bulk", "--port", Port(p.Setup.TcpSslPort), "--mib", mib), null, true));
            scenarios.Add((new ScenarioResult("tcpssl-rate", "TCPSSL connection rate: 4 clients, handshake + 1 KiB echoed (own client)"),
                _ => Task.CompletedTask,
                p => _tools.OwnClientAsync("rate", "--port", Port(p.Setup.TcpSslPort), "--clients", "4", "--seconds", Seconds(d), "--warmup", "1"), "PerSecond", true));
        }

        // Every round on fresh processes (see Rounds), each warmed up first.
        for (var round = 0; round < settings.Runs; round++)
        {
            var proxies = await StartAllAsync($"one{round}", leaves, tcpSsl: settings.Includes("tcpssl"));
            try
            {
                foreach (var proxy in proxies)
                {
                    // Keep-alive HTTP/1.1 and HTTP/2 load each for half of it: the paths every scenario below goes through.
                    await _tools.WrkAsync(proxy.Setup.HttpsPort, 64, settings.ProcessWarmUp / 2);
                    await _tools.H2Async(proxy.Setup.HttpsPort, 16, 10, settings.ProcessWarmUp / 2);
                }

                foreach (var (result, warmUp, measure, rate, tcpSsl) in scenarios)
                {
                    var measured = tcpSsl ? [.. proxies.Where(p => p.Setup.TcpSslPort != 0)] : proxies;
                    await Rounds.MeasureRoundAsync(result, round, settings.Runs, measured, warmUp, measure, rate);
                }
            }
            finally
            {
                await StopAllAsync(proxies);
            }
        }

        return [.. scenarios.Select(s => s.Result)];
    }

    /// <summary>A short run gives each proxy's rate; the measured runs then ask for about the scenario's duration of handshakes.</summary>
    private async Task CalibrateHandshakesAsync(RunningProxy proxy)
    {
        var probe = await _tools.HandshakesAsync(proxy.Setup.HttpsPort, 16, settings.Quick ? 300 : 600);
        _handshakeRequests[proxy.Name] = (int)Math.Clamp(probe["rps"] * settings.Duration.TotalSeconds, 500, 100_000);
    }

    /// <summary>
    /// Per proxy and run, a fresh process: resident memory (whole process tree) after start and a few requests, then
    /// with N idle connections open, from the client mode in its own process: HTTPS keep-alive connections (one request
    /// each) or, with <paramref name="tcpSsl"/>, TCPSSL connections to the echo backend (1 KiB echoed on each).
    /// </summary>
    private async Task<ScenarioResult> IdleMemoryAsync(IReadOnlyList<Leaf> leaves, bool tcpSsl)
    {
        var result = tcpSsl
            ? new ScenarioResult("tcpssl-idle", $"{settings.IdleConnections} idle TCPSSL connections (1 KiB echoed on each)")
            : new ScenarioResult("idle", $"{settings.IdleConnections} idle TLS keep-alive connections (HTTP/1.1, one request each)");
        var names = tcpSsl ? FullProxies() : settings.Proxies;
        for (var round = 0; round < settings.Runs; round++)
        {
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[(round + i) % names.Count];
                var proxy = await StartAsync(name, $"{result.Id}{round}", leaves, tcpSsl);
                try
                {
                    var record = new RunRecord(await IdleOnceAsync(proxy, tcpSsl), 0, MachineFacts.LoadAverage());
                    result.Add(name, record);
                    Console.WriteLine(Rounds.Describe(result.Id, round + 1, settings.Runs, name, record));
                }
                finally
                {
                    await proxy.Process.DisposeAsync();
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Resident memory is read once the proxy has been quiet this long: what idle connections cost as they sit, after
    /// a proxy's periodic housekeeping (LoadBalancer returns freed native memory to the system every 5 s).
    /// </summary>
    private static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(10);

    private async Task<Dictionary<string, double>> IdleOnceAsync(RunningProxy proxy, bool tcpSsl)
    {
        await _tools.HandshakesAsync(proxy.Setup.HttpsPort, 4, 200);
        await Task.Delay(IdleSettle);
        var before = ProcessTree.ResidentKiB(proxy.Process.Id);
        var opened = new TaskCompletionSource<Dictionary<string, double>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (file, prefix) = LoadTools.Self();
        await using var client = ChildProcess.Start("idle client", file,
            [.. prefix, "client", "idle", "--port", Port(tcpSsl ? proxy.Setup.TcpSslPort : proxy.Setup.HttpsPort), "--echo", tcpSsl ? "1024" : "0",
             "--connections", settings.IdleConnections.ToString(CultureInfo.InvariantCulture)],
            _log, LoadTools.ClientEnvironment);
        client.Output += line =>
        {
            if (line.StartsWith("{\"Open\"", StringComparison.Ordinal))
            {
                opened.TrySetResult(LoadTools.Figures(line));
            }
        };
        var figures = await opened.Task.WaitAsync(TimeSpan.FromSeconds(180));
        await Task.Delay(IdleSettle);
        var after = ProcessTree.ResidentKiB(proxy.Process.Id);
        client.CloseInput();
        await client.WaitForExitAsync(TimeSpan.FromSeconds(30));
        figures["baselineMiB"] = before / 1024.0;
        figures["withConnectionsMiB"] = after / 1024.0;
        figures["kibPerConnection"] = figures["Open"] > 0 ? (after - before) / figures["Open"] : double.NaN;
        return figures;
    }

    private async Task<List<ScenarioResult>> ManyCertificatesAsync(BenchmarkPki pki)
    {
        var generating = Stopwatch.GetTimestamp();
        var leaves = Leaves(pki, settings.Certificates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Certificates} certificates written in {Stopwatch.GetElapsedTime(generating).TotalSeconds:F1} s"));
        var d = Seconds(settings.Duration);
        var count = settings.Certificates.ToString(CultureInfo.InvariantCulture);
        var startup = new ScenarioResult("startup", $"start-up with {count} certificates: process start to listening");
        var one = new ScenarioResult("sni-one", $"{count} certificates, full handshakes, SNI on one name: 4 client tasks (own client)");
        var all = new ScenarioResult("sni-all", $"{count} certificates, full handshakes, SNI round-robin over all names: 4 client tasks (own client)");
        for (var round = 0; round < settings.Runs; round++)
        {
            var proxies = new List<RunningProxy>();
            try
            {
                foreach (var name in FullProxies())
                {
                    var load = MachineFacts.LoadAverage();
                    var started = Stopwatch.GetTimestamp();
                    var proxy = await StartAsync(name, $"many{round}", leaves, tcpSsl: false);
                    proxies.Add(proxy);
                    var figures = new Dictionary<string, double>
                    {
                        ["seconds"] = Stopwatch.GetElapsedTime(started).TotalSeconds,
                        ["residentMiB"] = ProcessTree.ResidentKiB(proxy.Process.Id) / 1024.0,
                    };
                    var record = new RunRecord(figures, 0, load);
                    startup.Add(name, record);
                    Console.WriteLine(Rounds.Describe(startup.Id, round + 1, settings.Runs, name, record));
                }

                foreach (var proxy in proxies)
                {
                    // As with one certificate: a freshly started LoadBalancer runs its handshake path in the JIT's
                    // first tiers for its first 15-20 s under load (its first SNI figure after a start was 40 % low without this).
                    await _tools.OwnClientAsync("handshakes", "--port", Port(proxy.Setup.HttpsPort), "--names", count, "--seconds", Seconds(settings.ProcessWarmUp));
                }

                await Rounds.MeasureRoundAsync(one, round, settings.Runs, proxies,
                    _ => Task.CompletedTask, p => _tools.OwnClientAsync("handshakes", "--port", Port(p.Setup.HttpsPort), "--names", "1", "--seconds", d), "PerSecond");
                await Rounds.MeasureRoundAsync(all, round, settings.Runs, proxies,
                    _ => Task.CompletedTask, p => _tools.OwnClientAsync("handshakes", "--port", Port(p.Setup.HttpsPort), "--names", count, "--seconds", d), "PerSecond");
            }
            finally
            {
                await StopAllAsync(proxies);
            }
        }

        return [startup, one, all];
    }

    private async Task<List<RunningProxy>> StartAllAsync(string phase, IReadOnlyList<Leaf> leaves, bool tcpSsl)
    {
        var proxies = new List<RunningProxy>();
        try
        {
            foreach (var name in settings.Proxies)
            {
                proxies.Add(await StartAsync(name, phase, leaves, tcpSsl));
            }
        }
        catch
        {
            await StopAllAsync(proxies);
            throw;
        }

        return proxies;
    }

    private async Task<RunningProxy> StartAsync(string name, string phase, IReadOnlyList<Leaf> leaves, bool tcpSsl)
    {
        IProxy proxy = name switch
        {
            "LoadBalancer" => new LoadBalancerProxy(settings.LoadBalancer),
            "nginx" => new NginxProxy(),
            "HAProxy" => new HaProxyProxy(),
            KestrelYarpProxy.ProxyName => new KestrelYarpProxy(),
            _ => throw new ArgumentException($"unknown proxy '{name}': LoadBalancer, nginx, HAProxy or {KestrelYarpProxy.ProxyName}"),
        };
        var tcpSslPort = tcpSsl && name != KestrelYarpProxy.ProxyName ? FreePort.Next() : 0;
        var setup = new ProxySetup(Folder($"{name}-{phase}"), leaves, FreePort.Next(), tcpSslPort, _httpBackendPort, _echoPort);
        var process = await proxy.StartAsync(setup);
        var running = new RunningProxy(name, process, setup);
        if (!TlsChecks.ContainsKey(name))
        {
            try
            {
                TlsChecks[name] = await TlsCheck.RunAsync(name, setup.HttpsPort, setup.Directory, _log);
                Console.WriteLine($"{name}: {TlsChecks[name]}");
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }

        return running;
    }

    /// <summary>The proxies that serve every scenario: all but the Kestrel+YARP floor.</summary>
    private List<string> FullProxies() => [.. settings.Proxies.Where(p => p != KestrelYarpProxy.ProxyName)];

    private static async Task StopAllAsync(List<RunningProxy> proxies)
    {
        foreach (var proxy in proxies)
        {
            await proxy.Process.DisposeAsync();
        }
    }

    private async Task<ChildProcess> StartBackendAsync()
    {
        _httpBackendPort = FreePort.Next();
        var backendDirectory = Folder("backend");
        var config = Path.Combine(backendDirectory, "backend.conf");
        await File.WriteAllTextAsync(config, NginxProxy.BackendConfig(backendDirectory, _httpBackendPort, BodyBytes));
        var backend = ChildProcess.Start("backend", "nginx", ["-c", config, "-p", backendDirectory, "-e", "stderr"], Path.Combine(backendDirectory, "backend.log"));
        await backend.WaitForPortAsync(_httpBackendPort, TimeSpan.FromSeconds(30));
        return backend;
    }

    private async Task<ChildProcess> StartEchoAsync()
    {
        _echoPort = FreePort.Next();
        var (file, prefix) = LoadTools.Self();
        var echo = ChildProcess.Start("echo", file, [.. prefix, "echo", "--port", Port(_echoPort)], Path.Combine(directory, "echo.log"), LoadTools.ClientEnvironment);
        await echo.WaitForPortAsync(_echoPort, TimeSpan.FromSeconds(30));
        return echo;
    }

    /// <summary>The first <paramref name="count"/> leaves (written now), with a combined PEM each for HAProxy.</summary>
    private static List<Leaf> Leaves(BenchmarkPki pki, int count)
    {
        var files = pki.WriteLeaves(count);
        var leaves = new Leaf[count];
        Parallel.For(0, count, i =>
        {
            var combined = files[i].Certificate[..^".crt".Length] + ".pem";
            File.WriteAllText(combined, File.ReadAllText(files[i].Certificate).TrimEnd() + "\n" + File.ReadAllText(files[i].Key).TrimEnd() + "\n");
            leaves[i] = new Leaf(BenchmarkPki.NameOf(i), files[i].Certificate, files[i].Key, combined);
        });
        return [.. leaves];
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(directory, name)).FullName;

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) => ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
