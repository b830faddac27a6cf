using LoadBalancer.Certificates.Selection;
using LoadBalancer.Hosting;
using LoadBalancer.Listeners;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Cli;

/// <summary><c>LoadBalancer explain</c>: a listener's candidates for a name in rank order, and what separated each.</summary>
internal static class ExplainCommand
{
    public static int Run(ParsedArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var result = SnapshotBuilder.Load(arguments.Config, version: 1);
        if (result.Snapshot is null)
        {
            result.Errors.ToList().ForEach(e => stderr.WriteLine(e));
            return 1;
        }

        if (!result.Snapshot.Listeners.TryGetValue(arguments.ListenerId!, out var listener) || listener.Selector is null)
        {
            var https = result.Snapshot.Listeners.Values.Where(l => l.Selector is not null).Select(l => l.Id);
            stderr.WriteLine($"no HTTPS, TCPSSL or QUIC listener '{arguments.ListenerId}' in {arguments.Config} (those listeners: {string.Join(", ", https)})");
            return 1;
        }

        // QUIC is TLS 1.3, whose clients all verify ECDSA: --rsa-only does not apply there.
        Print(listener, arguments.ServerName!, listener.Kind == ListenerKind.Quic || !arguments.RsaOnly, stdout);
        return 0;
    }

    private static void Print(ListenerRuntime listener, string serverName, bool ecdsa, TextWriter stdout)
    {
        var selector = listener.Selector!;
        stdout.WriteLine($"listener {listener.Id}, SNI '{serverName}', client {(ecdsa ? "that can use ECDSA" : "without ECDSA (RSA only)")}");
        PrintPolicy(listener, stdout);
        var candidates = selector.Explain(serverName, ecdsa);
        foreach (var candidate in candidates)
        {
            var because = candidate.AboveNextBecause is { } c ? $"  > next: {c.Describe()}" : "";
            stdout.WriteLine($"  {candidate.Rank}. {candidate.Certificate.Id,-24} {(candidate.Wildcard ? "wildcard" : "exact   ")}  {candidate.Certificate.Facts}{because}");
        }

        if (candidates.Count == 0)
        {
            stdout.WriteLine("  no certificate of this listener matches that name");
        }

        var chosen = selector.Select(serverName, ecdsa);
        stdout.WriteLine($"chosen: {chosen.Certificate.Id} ({chosen.Criterion.Describe()})");
    }

    /// <summary>The policy, and the certificates it cannot serve (never candidates).</summary>
    private static void PrintPolicy(ListenerRuntime listener, TextWriter stdout)
    {
        var policy = listener.Policy!;
        if (listener.QuicTls is { } quic)
        {
            var suites = quic.Suites.Count == 0 ? "the TLS stack's TLS 1.3 suites" : string.Join(", ", quic.Suites);
            stdout.WriteLine($"security policy {policy.Id}: QUIC, TLSv1.3 only, {suites}");
            return;
        }

        stdout.WriteLine($"security policy {policy.Id}: {string.Join(", ", TlsVersionNames.Of(policy.OfferedVersions))}");
        var left = ListenerCertificateIds.Of(listener.Config).Except(listener.Selector!.Certificates.Select(c => c.Id), StringComparer.Ordinal).ToList();
        if (left.Count > 0)
        {
            stdout.WriteLine($"  never chosen: the policy cannot serve {string.Join(", ", left)}");
        }
    }
}
