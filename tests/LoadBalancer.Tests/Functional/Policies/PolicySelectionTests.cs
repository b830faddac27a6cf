using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>
/// Certificate selection and the policy agree: under an ECDSA-only policy the RSA certificate is never chosen, under
/// an RSA-only one the ECC certificate never is, and a client whose ECDSA suites the policy lacks gets the RSA one.
/// </summary>
public sealed class PolicySelectionTests : IAsyncLifetime
{
    private const string Name = "www.example.com";
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _ecdsaOnly;
    private int _rsaOnly;
    private int _mixed;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-ecc", [Name], LeafKey.EcP256);
        _scenario.AddCertificate("cert-rsa", [Name], LeafKey.Rsa(2048));
        (_ecdsaOnly, _rsaOnly, _mixed) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        var config = _scenario.Config(
            [Group("sgp-web", (backend, 100))],
            Https("lsn-ecdsa-only", _ecdsaOnly, "cert-ecc", ["cert-rsa"], "sgp-web") with { SecurityPolicyId = "sp-ecdsa-only" },
            Https("lsn-rsa-only", _rsaOnly, "cert-rsa", ["cert-ecc"], "sgp-web") with { SecurityPolicyId = "sp-rsa-only" },
            Https("lsn-mixed", _mixed, "cert-rsa", ["cert-ecc"], "sgp-web") with { SecurityPolicyId = "sp-mixed" });
        _scenario.Write(config with
        {
            SecurityPolicies =
            [
                Policy("sp-ecdsa-only", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384"),
                Policy("sp-rsa-only", "ECDHE-RSA-AES128-GCM-SHA256", "AES128-GCM-SHA256"),
                Policy("sp-mixed", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"),
            ],
        });
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task RsaOnlyClientIsRefusedWithTheEccCertificateUnderAnEcdsaOnlyPolicy()
    {
        var rsaClient = await Openssl.ConnectAsync(_ecdsaOnly, Name, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256");
        var anyClient = await Openssl.ConnectAsync(_ecdsaOnly, Name);

        Assert.Null(Openssl.Negotiated(rsaClient));
        var failed = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ListenerId") == "lsn-ecdsa-only" && CapturedLogs.Property(e, "Reason").Length > 0);
        Assert.Equal("cert-ecc", CapturedLogs.Property(failed, "CertificateId"));
        Assert.Equal(("TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256"), Openssl.Negotiated(anyClient));
        Assert.Equal("cert-ecc", Openssl.SubjectCommonName(anyClient));
    }

    [Fact]
    public async Task EcdsaCapableClientGetsTheRsaCertificateUnderAnRsaOnlyPolicy()
    {
        var result = await Openssl.ConnectAsync(_rsaOnly, Name);

        Assert.Equal(("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256"), Openssl.Negotiated(result));
        Assert.Equal("cert-rsa", Openssl.SubjectCommonName(result));
    }

    [Fact]
    public async Task ClientWhoseEcdsaSuitesThePolicyLacksGetsTheRsaCertificate()
    {
        var result = await Openssl.ConnectAsync(_mixed, Name, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256");
        var ecdsaMatch = await Openssl.ConnectAsync(_mixed, Name, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");

        Assert.Equal(("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256"), Openssl.Negotiated(result));
        Assert.Equal("cert-rsa", Openssl.SubjectCommonName(result));
        Assert.Equal(("TLSv1.2", "ECDHE-ECDSA-AES256-GCM-SHA384"), Openssl.Negotiated(ecdsaMatch));
        Assert.Equal("cert-ecc", Openssl.SubjectCommonName(ecdsaMatch));
    }

    [Fact]
    public async Task ACertificateThePolicyCannotServeIsNamedInAWarning()
    {
        var warning = await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("lsn-ecdsa-only", StringComparison.Ordinal));

        Assert.Contains("security policy 'sp-ecdsa-only' offers only ECDHE-ECDSA suites and no TLS 1.3, so certificate 'cert-rsa' (RSA) can never complete a handshake: it is never chosen",
            warning.RenderMessage(null), StringComparison.Ordinal);
    }

    private static SecurityPolicyConfig Policy(string id, params string[] ciphers) => new() { SecurityPolicyId = id, TLSVersions = ["TLSv1.2"], Ciphers = [.. ciphers] };
}
