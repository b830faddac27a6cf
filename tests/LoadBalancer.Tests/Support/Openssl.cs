using System.Text.RegularExpressions;

namespace LoadBalancer.Tests.Support;

/// <summary><c>openssl s_client</c> as a user runs it, and the lines of its output the tests read.</summary>
internal static partial class Openssl
{
    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; no SNI when <paramref name="serverName"/> is null.</summary>
    public static Task<ProcessResult> ConnectAsync(int port, string? serverName, params string[] options)
    {
        List<string> arguments = ["s_client", "-connect", $"127.0.0.1:{port}"];
        arguments.AddRange(serverName is null ? ["-noservername"] : ["-servername", serverName]);
        arguments.AddRange(options);
        return ProcessRunner.RunAsync("openssl", arguments);
    }

    /// <summary>The served leaf's subject CN (the tests name each certificate's CN after its id).</summary>
    public static string? SubjectCommonName(ProcessResult result)
    {
        var match = SubjectLine().Match(result.All);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    public static string? Alpn(ProcessResult result)
    {
        var match = AlpnLine().Match(result.All);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>
    /// The version and cipher of a completed handshake; null when it was refused. The version is the session's
    /// ("TLSv1" read as TLSv1.0) or, for TLS 1.3 where s_client prints no session, the one on the "New," line.
    /// </summary>
    public static (string Version, string Cipher)? Negotiated(ProcessResult result)
    {
        var line = CipherIsLine().Match(result.All);
        if (!line.Success || line.Groups[2].Value == "(NONE)")
        {
            return null;
        }

        var session = ProtocolLine().Match(result.All);
        var version = session.Success ? session.Groups[1].Value : line.Groups[1].Value;
        return (version == "TLSv1" ? "TLSv1.0" : version, line.Groups[2].Value);
    }

    [GeneratedRegex(@"^New, (\S+), Cipher is (\S+)", RegexOptions.Multiline)]
    private static partial Regex CipherIsLine();

    [GeneratedRegex(@"^\s+Protocol\s*: (\S+)", RegexOptions.Multiline)]
    private static partial Regex ProtocolLine();

    [GeneratedRegex(@"^subject=.*CN ?= ?([^,\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"^ALPN protocol: (.+)$", RegexOptions.Multiline)]
    private static partial Regex AlpnLine();
}
