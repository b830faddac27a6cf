using System.Globalization;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// <c>compare --loadbalancer BINARY [--rsa] [--quick] [--runs 3] [--seconds 10] [--certificates 10000]
/// [--idle 10000] [--only h1,h2,handshakes,tcpssl,idle,tcpssl-idle,sni] [--proxies LoadBalancer,nginx,HAProxy,Kestrel+YARP] [--out FILE]</c>.
/// <c>--quick</c>: one run of each figure, 5 s windows, 3,000 idle connections (the per-connection figure is a slope).
/// </summary>
internal sealed record CompareSettings
{
    public static readonly string[] AllScenarios = ["h1", "h2", "handshakes", "tcpssl", "idle", "tcpssl-idle", "sni"];

    public string LoadBalancer { get; init; } = "";

    public bool Rsa { get; init; }

    public bool Quick { get; init; }

    public int Runs { get; init; } = 3;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public int Certificates { get; init; } = 10_000;

    public int IdleConnections { get; init; } = ProxySetup.IdleConnectionsPossible;

    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    public IReadOnlyList<string> Proxies { get; init; } = ["LoadBalancer", "nginx", "HAProxy", KestrelYarpProxy.ProxyName];

    public string Output { get; init; } = "";

    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2);

    /// <summary>
    /// Load on each freshly started proxy before its first measured scenario, so that every figure is its steady state:
    /// LoadBalancer's JIT needs 15-20 s under load to move its hot code to the optimised tier (a 5 s window right after
    /// start gave 6,000-10,000 HTTP/1.1 requests per CPU-second, then 13,000-15,000 from the fourth window on).
    /// </summary>
    public TimeSpan ProcessWarmUp => Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(20);

    public bool Includes(string scenario) => Scenarios.Contains(scenario);

    public static CompareSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new CompareSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--loadbalancer" => settings with { LoadBalancer = Path.GetFullPath(Value()) },
                "--rsa" => settings with { Rsa = true },
                "--quick" => settings with { Quick = true, Runs = 1, Duration = TimeSpan.FromSeconds(5), IdleConnections = Math.Min(3_000, settings.IdleConnections) },
                "--runs" => settings with { Runs = Number(Value()) },
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(Number(Value())) },
                "--certificates" => settings with { Certificates = Number(Value()) },
                "--idle" => settings with { IdleConnections = Number(Value()) },
                "--only" => settings with { Scenarios = Value().Split(',') },
                "--proxies" => settings with { Proxies = Value().Split(',') },
                "--out" => settings with { Output = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        if (!File.Exists(settings.LoadBalancer))
        {
            throw new ArgumentException("--loadbalancer must name the published LoadBalancer binary (tests/bench/compare.sh publishes it)");
        }

        return string.IsNullOrEmpty(settings.Output)
            ? settings with { Output = Path.GetFullPath($"artifacts/bench/compare-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json") }
            : settings;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
