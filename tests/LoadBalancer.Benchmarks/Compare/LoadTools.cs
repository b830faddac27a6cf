using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// The load generators, each run as its own process: wrk (HTTP/1.1 keep-alive), h2load (HTTP/2; and HTTP/1.1 with
/// <c>Connection: close</c>, which makes it open a new connection, and so do a full handshake, for every request)
/// and this program's <c>client</c> mode. Each returns the run's figures by name.
/// </summary>
internal sealed partial class LoadTools(string directory)
{
    private readonly string _log = Path.Combine(directory, "load.log");
    private readonly string _clientPolicy = Path.Combine(directory, "openssl-client.cnf");

    /// <summary>wrk: requests/s and its latency distribution's p50 and p99 (ms).</summary>
    public async Task<Dictionary<string, double>> WrkAsync(int port, int connections, TimeSpan duration)
    {
        await EnsureClientPolicyAsync();
        var output = (await ChildProcess.RunAsync("wrk",
            ["-t1", $"-c{connections}", $"-d{Seconds(duration)}s", "--latency", $"https://127.0.0.1:{port}/"],
            _log, duration + TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["OPENSSL_CONF"] = _clientPolicy })).Output;
        var errors = WrkErrors().Matches(output).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var non2xx = WrkNon2xx().Match(output) is { Success: true } n ? double.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new()
        {
            ["rps"] = double.Parse(WrkRate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            ["p50ms"] = WrkPercentile(output, "50%"),
            ["p99ms"] = WrkPercentile(output, "99%"),
            ["errors"] = errors + non2xx,
        };
    }

    /// <summary>h2load over HTTP/2: requests/s, p50 and p99 (ms) from its per-request log.</summary>
    public async Task<Dictionary<string, double>> H2Async(int port, int connections, int streams, TimeSpan duration)
    {
        var requests = Path.Combine(directory, "h2load-requests.tsv");
        var output = (await ChildProcess.RunAsync("h2load",
            ["-t1", $"-c{connections}", $"-m{streams}", $"-D{Seconds(duration)}", "--warm-up-time=1", "--tls13-ciphers=TLS_AES_128_GCM_SHA256",
             $"--log-file={requests}", $"https://127.0.0.1:{port}/"],
            _log, duration + TimeSpan.FromSeconds(60))).Output;
        var figures = H2LoadFigures(output);
        var (p50, p99) = LogPercentiles(requests);
        File.Delete(requests);
        figures["p50ms"] = p50;
        figures["p99ms"] = p99;
        return figures;
    }

    /// <summary>
    /// h2load over HTTP/1.1 with <c>Connection: close</c>: every request on a new connection with a full handshake
    /// (the proxies issue no session tickets and keep no session cache). h2load's duration mode does not end with
    /// reconnecting clients, so a request count is given: <paramref name="requests"/>.
    /// </summary>
    public async Task<Dictionary<string, double>> HandshakesAsync(int port, int connections, int requests)
    {
        var output = (await ChildProcess.RunAsync("h2load",
            ["--h1", "-H", "Connection: close", "-t1", $"-c{connections}", $"-n{requests}", "--tls13-ciphers=TLS_AES_128_GCM_SHA256", $"https://127.0.0.1:{port}/"],
            _log, TimeSpan.FromMinutes(3))).Output;
        return H2LoadFigures(output);
    }

    /// <summary>This program's client mode (see <see cref="ClientMode"/>) in its own process; its JSON figures.</summary>
    public async Task<Dictionary<string, double>> OwnClientAsync(params string[] arguments)
    {
        var (file, prefix) = Self();
        var output = (await ChildProcess.RunAsync(file, [.. prefix, "client", .. arguments], _log, TimeSpan.FromMinutes(5), ClientEnvironment)).Output;
        return Figures(output.Trim().Split('\n')[^1]);
    }

    /// <summary>Workstation GC for the clients and the echo backend: they should take as little of the machine as they can.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientEnvironment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" };

    /// <summary>How to start this program again: its apphost, or dotnet and its assembly.</summary>
    public static (string File, string[] Prefix) Self()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, [typeof(LoadTools).Assembly.Location]) : (process, []);
    }

    public static Dictionary<string, double> Figures(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    /// <summary>wrk has no TLS options: the comparison's TLS (1.3, TLS_AES_128_GCM_SHA256, no tickets) reaches it through OpenSSL's configuration.</summary>
    private static readonly string ClientPolicy = OpenSslConfiguration("Options = -SessionTicket");

    /// <summary>
    /// An OpenSSL configuration file (<c>OPENSSL_CONF</c>) whose defaults are the comparison's TLS: TLS 1.3 with
    /// TLS_AES_128_GCM_SHA256, and <paramref name="tickets"/>, the line that keeps sessions from being resumed.
    /// </summary>
    public static string OpenSslConfiguration(string tickets) => $"""
        openssl_conf = default_conf
        [default_conf]
        ssl_conf = ssl_sect
        [ssl_sect]
        system_default = system_default_sect
        [system_default_sect]
        MinProtocol = TLSv1.3
        Ciphersuites = TLS_AES_128_GCM_SHA256
        {tickets}

        """;

    private async Task EnsureClientPolicyAsync()
    {
        if (!File.Exists(_clientPolicy))
        {
            await File.WriteAllTextAsync(_clientPolicy, ClientPolicy);
        }
    }

    private static Dictionary<string, double> H2LoadFigures(string output)
    {
        var rate = H2LoadRate().Match(output);
        var counts = H2LoadCounts().Match(output);
        if (!rate.Success || !counts.Success)
        {
            throw new InvalidOperationException("h2load printed no result: " + output);
        }

        return new()
        {
            ["rps"] = double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            ["succeeded"] = double.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            ["errors"] = double.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) + double.Parse(counts.Groups[3].Value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>h2load's log: start time, status, duration in microseconds, tab-separated.</summary>
    private static (double P50, double P99) LogPercentiles(string file)
    {
        var durations = File.ReadLines(file)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 3)
            .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture) / 1000)
            .Order().ToArray();
        return durations.Length == 0 ? (double.NaN, double.NaN) : (durations[durations.Length / 2], durations[Math.Min(durations.Length - 1, (int)(durations.Length * 0.99))]);
    }

    private static double WrkPercentile(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static string Seconds(TimeSpan duration) => ((int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRate();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex WrkErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex WrkNon2xx();

    [GeneratedRegex(@"finished in [\d.]+m?s, ([\d.]+) req/s")]
    private static partial Regex H2LoadRate();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex H2LoadCounts();
}
