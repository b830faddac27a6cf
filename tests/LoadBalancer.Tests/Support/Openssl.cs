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

    [GeneratedRegex(@"^subject=.*CN ?= ?([^,\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"^ALPN protocol: (.+)$", RegexOptions.Multiline)]
    private static partial Regex AlpnLine();
}
