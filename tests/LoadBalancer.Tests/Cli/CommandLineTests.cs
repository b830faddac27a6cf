using LoadBalancer.Cli;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TestScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task ValidateExitsZeroForAGoodFile()
    {
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _scenario.Write(_scenario.Config([Group("sgp", (5080, 100))], Https("lsn", 8443, "cert-www", [], "sgp")));

        var (code, stdout, stderr) = await RunAsync("validate", "--config", _scenario.ConfigPath);

        Assert.True(code == 0, stderr);
        Assert.Contains("OK", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateExitsOneListingEveryErrorWithItsResourceAndField()
    {
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _scenario.Certificates.Add(new() { CertificateId = "cert-gone", CertificateFile = "../certs/gone.crt", PrivateKeyFile = "../certs/gone.key" });
        var listener = Https("lsn-https", 8443, "cert-www", ["cert-gone"], "sgp-unknown");
        var twin = Http("lsn-twin", 8443, "sgp");
        _scenario.Write(_scenario.Config([Group("sgp", (5080, 100))], listener, twin));

        var (code, _, stderr) = await RunAsync("validate", "--config", _scenario.ConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("Certificate 'cert-gone'", stderr, StringComparison.Ordinal);
        Assert.Contains("gone.crt", stderr, StringComparison.Ordinal);
        Assert.Contains("sgp-unknown", stderr, StringComparison.Ordinal);
        Assert.Contains("lsn-twin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateReportsUnknownKeysTogetherWithTheFilesOtherErrors()
    {
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        _scenario.Write(_scenario.Config([Group("sgp", (5080, 100))], Https("lsn", 8443, "cert-www", ["cert-nowhere"], "sgp")));
        File.WriteAllText(_scenario.ConfigPath, File.ReadAllText(_scenario.ConfigPath).Replace("\"Http2Enabled\"", "\"Htp2Enabled\"", StringComparison.Ordinal)
            .Replace("\"ListenerPort\": 8443", "\"ListenerPort\": 8443, \"Htp2Enabled\": true", StringComparison.Ordinal));

        var (code, _, stderr) = await RunAsync("validate", "--config", _scenario.ConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("unknown key 'Htp2Enabled' (did you mean 'Http2Enabled'?)", stderr, StringComparison.Ordinal);
        Assert.Contains("cert-nowhere", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateNamesAKeyThatDoesNotMatchItsCertificate()
    {
        _scenario.AddCertificate("cert-a", ["a.example.com"]);
        _scenario.AddCertificate("cert-b", ["b.example.com"]);
        _scenario.Certificates[0] = _scenario.Certificates[0] with { PrivateKeyFile = _scenario.Certificates[1].PrivateKeyFile };
        _scenario.Write(_scenario.Config([Group("sgp", (5080, 100))], Https("lsn", 8443, "cert-a", ["cert-b"], "sgp")));

        var (code, _, stderr) = await RunAsync("validate", "--config", _scenario.ConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("Certificate 'cert-a'", stderr, StringComparison.Ordinal);
        Assert.Contains("does not", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainPrintsTheCandidatesInRankOrderWithWhatSeparatedThem()
    {
        _scenario.AddCertificate("cert-rsa", ["www.example.com"], LeafKey.Rsa(2048));
        _scenario.AddCertificate("cert-ecc", ["www.example.com"]);
        _scenario.AddCertificate("cert-wild", ["*.example.com"]);
        _scenario.Write(_scenario.Config([Group("sgp", (5080, 100))], Https("lsn", 8443, "cert-rsa", ["cert-ecc", "cert-wild"], "sgp")));

        var (code, ecdsa, _) = await RunAsync("explain", "--config", _scenario.ConfigPath, "--listener", "lsn", "--sni", "www.example.com");
        var (_, rsaOnly, _) = await RunAsync("explain", "--config", _scenario.ConfigPath, "--listener", "lsn", "--sni", "www.example.com", "--rsa-only");

        Assert.Equal(0, code);
        Assert.True(ecdsa.IndexOf("1. cert-ecc", StringComparison.Ordinal) < ecdsa.IndexOf("2. cert-rsa", StringComparison.Ordinal));
        Assert.Contains("3. cert-wild", ecdsa, StringComparison.Ordinal);
        Assert.Contains("ECC over RSA", ecdsa, StringComparison.Ordinal);
        Assert.Contains("exact name over wildcard", ecdsa, StringComparison.Ordinal);
        Assert.Contains("chosen: cert-ecc", ecdsa, StringComparison.Ordinal);
        Assert.Contains("chosen: cert-rsa", rsaOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertsInitMakesThePkiTheShippedConfigNamesAndItValidates()
    {
        var certificates = _scenario.Directory.Combine("shipped", "certs");
        var config = _scenario.Directory.Combine("shipped", "config", "loadbalancer.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.Copy(RepositoryPaths.ShippedConfig, config);

        var (initCode, initOutput, _) = await RunAsync("certs", "init", "--out", certificates);
        var (validateCode, stdout, stderr) = await RunAsync("validate", "--config", config);
        var (againCode, againOutput, _) = await RunAsync("certs", "init", "--out", certificates);

        Assert.Equal(0, initCode);
        Assert.Contains("www-ecc.crt", initOutput, StringComparison.Ordinal);
        Assert.True(validateCode == 0, stderr);
        Assert.Contains("OK", stdout, StringComparison.Ordinal);
        Assert.Equal(0, againCode);
        Assert.Contains("already exists", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArgumentIsAnErrorWithUsage()
    {
        var (code, _, stderr) = await RunAsync("validate", "--bogus");

        Assert.Equal(2, code);
        Assert.Contains("unknown argument '--bogus'", stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoliciesListsTheSystemAndCustomPoliciesAndWhatThisBuildLacks()
    {
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        var config = _scenario.Config([Group("sgp", (5080, 100))],
            Https("lsn", 8443, "cert-www", [], "sgp") with { SecurityPolicyId = "sp-modern" }, Https("lsn-default", 8444, "cert-www", [], "sgp"));
        _scenario.Write(config with
        {
            SecurityPolicies = [new() { SecurityPolicyId = "sp-modern", TLSVersions = ["TLSv1.2", "TLSv1.3"], Ciphers = ["TLS_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECC-SM2-WITH-SM4-SM3"] }],
        });

        var (code, stdout, stderr) = await RunAsync("policies", "--config", _scenario.ConfigPath);

        Assert.True(code == 0, stderr);
        foreach (var id in new[] { "tls_cipher_policy_1_1", "tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3" })
        {
            Assert.Matches($"(?m)^{id}$", stdout);
        }

        Assert.Contains("tls_cipher_policy_1_0  (used by lsn-default)", stdout, StringComparison.Ordinal);
        Assert.Contains("sp-modern  (used by lsn)\n  TLSVersions  TLSv1.2, TLSv1.3", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Matches(@"ECDHE-ECDSA-AES128-SHA +TLSv1\.0 TLSv1\.1 TLSv1\.2", stdout);
        Assert.Matches(@"TLS_AES_128_CCM_8_SHA256 +TLSv1\.3", stdout);
        Assert.Matches(@"ECC-SM2-SM4-CBC-SM3 +TLCP \(HTTPS listeners with SM2 certificates\)", stdout);
        Assert.Matches(@"DES-CBC3-SHA +unavailable on this build \(OpenSSL \d", stdout);
        Assert.Contains("DES-CBC3-SHA is unavailable on this build", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoliciesRefusesAFileWithAWrongPolicyNamingIt()
    {
        _scenario.AddCertificate("cert-www", ["www.example.com"]);
        var config = _scenario.Config([Group("sgp", (5080, 100))], Https("lsn", 8443, "cert-www", [], "sgp"));
        _scenario.Write(config with { SecurityPolicies = [new() { SecurityPolicyId = "sp-bad", TLSVersions = ["TLSv1.0"], Ciphers = ["AES128-GCM-SHA256"] }] });

        var (code, _, stderr) = await RunAsync("policies", "--config", _scenario.ConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("SecurityPolicy 'sp-bad': Ciphers[0]: 'AES128-GCM-SHA256' works only under TLSv1.2", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
