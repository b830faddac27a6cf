using System.Globalization;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// <c>handshakes [--counts 1,10000] [--seconds 10] [--clients 4] [--poll-seconds 2] [--sni-names N]</c>; the poll
/// interval is the reload watcher's (the product's default is 2 s; a large value shows what its periodic file check
/// costs); <c>--sni-names</c> limits the clients to the first N names (default all), to tell the cost of a large
/// listener from the cost of handshakes spread over many different certificates.
/// </summary>
internal sealed record HandshakeSettings(IReadOnlyList<int> Counts, TimeSpan Duration, int Clients)
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public int? SniNames { get; init; }

    public static HandshakeSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new HandshakeSettings([1, 10_000], TimeSpan.FromSeconds(10), 4);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            settings = args[i] switch
            {
                "--counts" => settings with { Counts = [.. args[i + 1].Split(',').Select(Number)] },
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(Number(args[i + 1])) },
                "--clients" => settings with { Clients = Number(args[i + 1]) },
                "--sni-names" => settings with { SniNames = Number(args[i + 1]) },
                "--poll-seconds" => settings with { PollInterval = TimeSpan.FromSeconds(Number(args[i + 1])) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return settings;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
