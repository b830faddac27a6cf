using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>
/// Each system policy and a custom one, on live HTTPS and TCPSSL listeners, seen from outside: sslscan finds exactly
/// the policy's versions and ciphers in the server's order, and openssl s_client offering one version or one cipher
/// at a time is accepted or refused as the product's table says.
/// </summary>
[Collection(ExternalScannerCollection.Name)]
public sealed class SecurityPolicyScanTests(PolicyListeners listeners) : IClassFixture<PolicyListeners>
{
    private const string Legacy = "ALL:@SECLEVEL=0";

    /// <summary>Every policy on HTTPS; two on TCPSSL, which ends TLS with the same options.</summary>
    public static TheoryData<string, string> Listeners
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var policy in ProductPolicyTable.System.Append(ProductPolicyTable.Custom))
            {
                data.Add("HTTPS", policy.Id);
            }

            data.Add("TCPSSL", "tls_cipher_policy_1_0");
            data.Add("TCPSSL", ProductPolicyTable.Custom.Id);
            return data;
        }
    }

    public static TheoryData<string> Policies => [.. ProductPolicyTable.System.Append(ProductPolicyTable.Custom).Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Listeners))]
    public async Task SslscanFindsExactlyThePolicysVersionsAndCiphersInServerPreferenceOrder(string protocol, string policyId)
    {
        var policy = Expected(policyId);

        var report = await Sslscan.ScanAsync(Port(protocol, policyId), PolicyListeners.ServerName);

        Assert.True(policy.Versions.Order().SequenceEqual(report.EnabledVersions.Order()),
            $"versions: expected {string.Join(", ", policy.Versions)}, sslscan found {string.Join(", ", report.EnabledVersions.Order())}\n{report.Output}");
        foreach (var version in ProductPolicyTable.Versions)
        {
            var expected = policy.ScannedUnder(version);
            var scanned = report.Ciphers(version);
            Assert.True(expected.Order().SequenceEqual(scanned.Order()), $"{version} ciphers as a set: expected [{string.Join(", ", expected)}], sslscan found [{string.Join(", ", scanned)}]");
            Assert.True(expected.SequenceEqual(scanned), $"{version} server preference: expected [{string.Join(", ", expected)}], sslscan found [{string.Join(", ", scanned)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task OpensslOfferingOneVersionIsAcceptedExactlyForThePolicysVersions(string policyId)
    {
        var policy = Expected(policyId);
        var port = listeners.HttpsPorts[policyId];

        var mismatches = await MismatchesAsync(ProductPolicyTable.Versions, async version =>
        {
            var result = await Openssl.ConnectAsync(port, PolicyListeners.ServerName, VersionOptions(version));
            var expected = policy.Versions.Contains(version) ? version : null;
            var negotiated = Openssl.Negotiated(result)?.Version;
            return negotiated == expected ? null : $"{version}: expected {expected ?? "refused"}, got {negotiated ?? "refused"}";
        });

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task OpensslOfferingOneCipherIsAcceptedExactlyForThePolicysCiphers(string policyId)
    {
        var policy = Expected(policyId);
        var port = listeners.HttpsPorts[policyId];

        // DES-CBC3-SHA is left out: this machine's openssl cannot even offer it (nor the server accept it).
        var ciphers = ProductPolicyTable.AllTlsCiphers.Where(c => c != "DES-CBC3-SHA" || ExpectedPolicy.TripleDesAvailable);
        var mismatches = await MismatchesAsync(ciphers, async cipher =>
        {
            var tls13 = ProductPolicyTable.C.Contains(cipher);
            string[] options = tls13 ? ["-tls1_3", "-ciphersuites", cipher] : ["-no_tls1_3", "-cipher", $"{cipher}:@SECLEVEL=0"];
            var result = await Openssl.ConnectAsync(port, PolicyListeners.ServerName, options);
            var expected = policy.NegotiatedWith(cipher, tls13 ? "TLSv1.3" : "TLSv1.2") is { } version ? $"{cipher} under {version}" : "refused";
            var negotiated = Openssl.Negotiated(result) is { } n ? $"{n.Cipher} under {n.Version}" : "refused";
            return negotiated == expected ? null : $"{cipher}: expected {expected}, got {negotiated}";
        });

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Http2ClientHeldToTls10IsServedOverHttp11()
    {
        var port = listeners.HttpsPorts["tls_cipher_policy_1_0"];

        var tls10 = await CurlHttp2Async(port, "--tlsv1.0", "--tls-max", "1.0", "--ciphers", "DEFAULT:@SECLEVEL=0");
        var tls12 = await CurlHttp2Async(port, "--tlsv1.2");

        Assert.Equal("1.1 200", tls10);
        Assert.Equal("2 200", tls12);
    }

    private static async Task<string> CurlHttp2Async(int port, params string[] options)
    {
        var result = await ProcessRunner.RunAsync("curl",
        [
            "-sSk", "--http2", .. options, "--resolve", $"{PolicyListeners.ServerName}:{port}:127.0.0.1",
            "-o", "/dev/null", "-w", "%{http_version} %{http_code}", $"https://{PolicyListeners.ServerName}:{port}/",
        ]);
        return result.StandardOutput.Trim() + result.StandardError.Trim();
    }

    private static ExpectedPolicy Expected(string id) => ProductPolicyTable.System.Append(ProductPolicyTable.Custom).Single(p => p.Id == id);

    private static string[] VersionOptions(string version) => version switch
    {
        "TLSv1.0" => ["-tls1", "-cipher", Legacy],
        "TLSv1.1" => ["-tls1_1", "-cipher", Legacy],
        "TLSv1.2" => ["-tls1_2", "-cipher", Legacy],
        _ => ["-tls1_3", "-ciphersuites", string.Join(':', ProductPolicyTable.C)],
    };

    /// <summary>Runs the clients a few at a time and returns what differed from the table.</summary>
    private static async Task<List<string>> MismatchesAsync(IEnumerable<string> cases, Func<string, Task<string?>> check)
    {
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            if (await check(item) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        });
        return [.. mismatches.Order()];
    }

    private int Port(string protocol, string policyId) => protocol == "TCPSSL" ? listeners.TcpSslPorts[policyId] : listeners.HttpsPorts[policyId];
}
