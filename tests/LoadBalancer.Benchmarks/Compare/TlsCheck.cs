using System.Text.RegularExpressions;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// Checks that a proxy speaks what the comparison asks of all three: TLS 1.3 with TLS_AES_128_GCM_SHA256, TLS 1.2
/// refused, and no session resumption (a second connection offering the first one's session gets a full
/// handshake). <c>openssl s_client</c>, a client that offers everything.
/// </summary>
internal static partial class TlsCheck
{
    public static async Task<string> RunAsync(string proxy, int port, string directory, string log)
    {
        var session = Path.Combine(directory, $"session-{proxy}.pem");
        string[] common = ["s_client", "-connect", $"127.0.0.1:{port}", "-servername", BenchmarkPki.NameOf(0)];
        var first = await ChildProcess.RunAsync("openssl", [.. common, "-sess_out", session], log, TimeSpan.FromSeconds(30), requireSuccess: false);
        var negotiated = Negotiated().Match(first.Output);
        if (!negotiated.Success || negotiated.Groups[1].Value != "New" || negotiated.Groups[2].Value != "TLSv1.3" || negotiated.Groups[3].Value != "TLS_AES_128_GCM_SHA256")
        {
            throw new InvalidOperationException($"{proxy}: expected a new TLSv1.3 TLS_AES_128_GCM_SHA256 session, got '{(negotiated.Success ? negotiated.Value : first.Error.Trim())}'");
        }

        var resumed = "no session ticket issued";
        if (File.Exists(session) && new FileInfo(session).Length > 0)
        {
            var second = await ChildProcess.RunAsync("openssl", [.. common, "-sess_in", session], log, TimeSpan.FromSeconds(30), requireSuccess: false);
            if (Negotiated().Match(second.Output) is { Success: true, Groups: var groups } && groups[1].Value == "Reused")
            {
                throw new InvalidOperationException($"{proxy}: resumed a TLS session; every handshake must be a full one");
            }

            resumed = "resumption refused";
        }

        var tls12 = await ChildProcess.RunAsync("openssl", [.. common, "-tls1_2"], log, TimeSpan.FromSeconds(30), requireSuccess: false);
        var refused12 = !Negotiated().IsMatch(tls12.Output);
        return $"TLSv1.3 TLS_AES_128_GCM_SHA256, {resumed}, TLS 1.2 {(refused12 ? "refused" : "accepted")}";
    }

    [GeneratedRegex(@"^(New|Reused), (TLSv[\d.]+), Cipher is (\S+)", RegexOptions.Multiline)]
    private static partial Regex Negotiated();
}
