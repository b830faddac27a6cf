using System.Text.RegularExpressions;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// <c>sslscan</c> (installed by .ci/run) against 127.0.0.1: the protocol versions it finds enabled and, per version,
/// the accepted ciphers in the order it found them (a server that enforces its preference is asked again without
/// the cipher it just chose, so the order is the server's).
/// </summary>
internal static partial class Sslscan
{
    public static async Task<SslscanReport> ScanAsync(int port, string serverName)
    {
        string[] arguments =
        [
            "--no-colour", "--no-check-certificate", "--no-heartbleed", "--no-renegotiation", "--no-compression",
            "--no-fallback", "--no-groups", $"--sni-name={serverName}", $"127.0.0.1:{port}",
        ];
        var result = await ProcessRunner.RunAsync("sslscan", arguments, timeout: TimeSpan.FromSeconds(60));
        return Parse(result.StandardOutput);
    }

    public static SslscanReport Parse(string output)
    {
        var enabled = ProtocolLine().Matches(output).Where(m => m.Groups[2].Value == "enabled").Select(m => m.Groups[1].Value).ToHashSet();
        var ciphers = CipherLine().Matches(output)
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(m => m.Groups[2].Value)]);
        return new SslscanReport(enabled, ciphers, output);
    }

    [GeneratedRegex(@"^(SSLv2|SSLv3|TLSv1\.[0-3])\s+(enabled|disabled)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProtocolLine();

    [GeneratedRegex(@"^(?:Preferred|Accepted)\s+(SSLv[23]|TLSv1\.[0-3])\s+\d+ bits\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex CipherLine();
}

/// <summary>What sslscan found: enabled versions, and per version the accepted ciphers in server preference order.</summary>
internal sealed record SslscanReport(IReadOnlySet<string> EnabledVersions, IReadOnlyDictionary<string, IReadOnlyList<string>> CiphersByVersion, string Output)
{
    public IReadOnlyList<string> Ciphers(string version) => CiphersByVersion.TryGetValue(version, out var list) ? list : [];
}
