using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// The comparison's output: a Markdown table on the terminal (medians; LoadBalancer's ratio to each peer, above 1
/// when LoadBalancer is better, whichever way the figure runs; the widest spread of the runs) and a JSON file with
/// every run's figures.
/// </summary>
internal static class CompareReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed record Row(string Scenario, string Figure, string Label, bool HigherIsBetter, string Format = "F0");

    private static readonly Row[] Rows =
    [
        new("h1", "rps", "HTTPS keep-alive HTTP/1.1, requests/s (wrk)", true),
        new("h1", "p50ms", "  p50 latency, ms", false, "F2"),
        new("h1", "p99ms", "  p99 latency, ms", false, "F2"),
        new("h1", "perCpuSecond", "  requests per CPU-second of the proxy", true),
        new("h2", "rps", "HTTPS keep-alive HTTP/2, requests/s (h2load)", true),
        new("h2", "p50ms", "  p50 latency, ms", false, "F2"),
        new("h2", "p99ms", "  p99 latency, ms", false, "F2"),
        new("h2", "perCpuSecond", "  requests per CPU-second of the proxy", true),
        new("handshakes", "rps", "full TLS handshakes/s, 1 request per connection (h2load)", true),
        new("handshakes", "perCpuSecond", "  handshakes per CPU-second of the proxy", true),
        new("sni-one", "PerSecond", "10,000 certificates: handshakes/s, SNI on one name (own client)", true),
        new("sni-all", "PerSecond", "10,000 certificates: handshakes/s, SNI over all names (own client)", true),
        new("sni-all", "perCpuSecond", "  handshakes per CPU-second of the proxy", true),
        new("startup", "seconds", "10,000 certificates: start-up to listening, s", false, "F1"),
        new("tcpssl-bulk", "MBps", "TCPSSL bulk, MB/s (2 connections, echo)", true),
        new("tcpssl-rate", "PerSecond", "TCPSSL connections/s (handshake + 1 KiB echoed)", true),
        new("idle", "kibPerConnection", "idle TLS keep-alive connections: KiB each", false, "F1"),
        new("idle", "baselineMiB", "  resident memory before them, MiB", false, "F1"),
        new("tcpssl-idle", "kibPerConnection", "idle TCPSSL connections (1 KiB echoed on each): KiB each", false, "F1"),
    ];

    public static string Table(IReadOnlyList<ScenarioResult> scenarios, IReadOnlyList<string> proxies, Dictionary<string, double> crypto)
    {
        var peers = proxies.Where(p => p != "LoadBalancer").ToList();
        var text = new StringBuilder();
        text.Append("| scenario | ").AppendJoin(" | ", proxies);
        foreach (var peer in peers)
        {
            text.Append(" | LB vs ").Append(peer);
        }

        text.AppendLine(" | spread |");
        text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", proxies.Count + peers.Count + 1))).AppendLine();
        foreach (var row in Rows)
        {
            if (scenarios.FirstOrDefault(s => s.Id == row.Scenario) is not { } scenario || proxies.All(p => scenario.Median(p, row.Figure) is null))
            {
                continue;
            }

            text.Append("| ").Append(row.Label);
            foreach (var proxy in proxies)
            {
                text.Append(" | ").Append(Format(scenario.Median(proxy, row.Figure), row.Format));
            }

            var ours = scenario.Median("LoadBalancer", row.Figure);
            foreach (var peer in peers)
            {
                var theirs = scenario.Median(peer, row.Figure);
                double? ratio = ours is > 0 && theirs is > 0 ? (row.HigherIsBetter ? ours / theirs : theirs / ours) : null;
                text.Append(" | ").Append(ratio is null ? "-" : ratio.Value.ToString("F2", CultureInfo.InvariantCulture));
            }

            var spread = proxies.Select(p => scenario.Spread(p, row.Figure)).Where(s => s is not null).DefaultIfEmpty(null).Max();
            text.Append(" | ").Append(spread is null ? "-" : $"{spread.Value * 100:F0}%{(spread > 0.2 ? " (wide)" : "")}").AppendLine(" |");
        }

        text.AppendLine().AppendLine("Ratios: LoadBalancer against the peer, above 1 when LoadBalancer is better (more per second, or fewer ms or KiB).")
            .AppendLine("Spread: the widest (max - min) / median over the runs of any proxy on that row.")
            .AppendLine(CryptoCeiling.Describe(crypto));
        return text.ToString();
    }

    public static void WriteJson(string path, object summary, IReadOnlyList<ScenarioResult> scenarios, IReadOnlyList<string> proxies)
    {
        var document = new
        {
            Summary = summary,
            Scenarios = scenarios.Select(s => new
            {
                s.Id,
                s.Title,
                Medians = proxies.ToDictionary(p => p, p => s.Runs.TryGetValue(p, out var runs)
                    ? runs.SelectMany(r => r.Figures.Keys).Distinct().ToDictionary(f => f, f => s.Median(p, f))
                    : []),
                Spreads = proxies.ToDictionary(p => p, p => s.Runs.TryGetValue(p, out var runs)
                    ? runs.SelectMany(r => r.Figures.Keys).Distinct().ToDictionary(f => f, f => s.Spread(p, f))
                    : []),
                s.Runs,
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    private static string Format(double? value, string format) => value is null ? "-" : value.Value.ToString(format, CultureInfo.InvariantCulture);
}
