using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Hosting;
using LoadBalancer.Tests.Configuration;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Hosting;

/// <summary>
/// What only the loaded certificates and this machine's OpenSSL (built without 3DES) can tell about a listener's
/// policy, and the resolved policy every TLS listener of a snapshot carries.
/// </summary>
public sealed class ListenerPolicyChecksTests(EccAndRsaScenario certificates) : IClassFixture<EccAndRsaScenario>
{
    private const string Listener = "Listener 'lsn' (LoadBalancer 'alb-test')";
    private const string QuicListener = "Listener 'lsn-quic' (LoadBalancer 'alb-test')";
    private readonly TestScenario _scenario = certificates.Scenario;

    [Fact]
    public void RsaDefaultCertificateUnderAnEcdsaOnlyPolicyIsAnErrorNamingBoth()
    {
        var errors = Build("cert-rsa", Policy("sp-ecdsa", ["TLSv1.2"], "ECDHE-ECDSA-AES128-GCM-SHA256")).Problems;

        ErrorAssert.Has(errors, Listener, "SecurityPolicyId",
            "security policy 'sp-ecdsa' offers only ECDHE-ECDSA suites and no TLS 1.3, so certificate 'cert-rsa' (RSA) can never complete a handshake, and it is the default certificate");
    }

    [Fact]
    public void EccDefaultCertificateUnderAnRsaOnlyPolicyIsAnError()
    {
        var errors = Build("cert-ecc", Policy("sp-rsa", ["TLSv1.2"], "AES128-GCM-SHA256")).Problems;

        ErrorAssert.Has(errors, Listener, "SecurityPolicyId", "offers only ECDHE-RSA and static RSA suites and no TLS 1.3, so certificate 'cert-ecc' (ECC)");
    }

    [Fact]
    public void Tls13LetsAnRsaCertificateServeBesideEcdsaOnlyTls12Suites()
    {
        var result = Build("cert-rsa", Policy("sp-ecdsa13", ["TLSv1.2", "TLSv1.3"], "ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"));

        Assert.NotNull(result.Snapshot);
    }

    [Fact]
    public void PolicyWhoseOnlyCipherThisBuildLacksIsAnError()
    {
        var errors = Build("cert-rsa", Policy("sp-3des", ["TLSv1.0"], "DES-CBC3-SHA")).Problems;

        ErrorAssert.Has(errors, Listener, "SecurityPolicyId", "security policy 'sp-3des' leaves standard TLS nothing to offer: DES-CBC3-SHA is unavailable on this build (OpenSSL ");
    }

    [Fact]
    public void PolicyOfOnlySmSuitesOnAListenerWithRsaOrEccCertificatesIsAnError()
    {
        var errors = Build("cert-rsa", Policy("sp-sm", ["TLSv1.2"], "ECC-SM2-SM4-GCM-SM3")).Problems;

        ErrorAssert.Has(errors, Listener, "SecurityPolicyId", "its only ciphers are SM suites, which serve TLCP clients of SM2 certificates, yet the listener has RSA/ECC certificates");
    }

    [Fact]
    public void VersionWhoseOnlyCipherThisBuildLacksIsAWarning()
    {
        var result = Build("cert-rsa", Policy("sp-lost", ["TLSv1.0", "TLSv1.2"], "DES-CBC3-SHA", "AES128-GCM-SHA256"));

        Assert.NotNull(result.Snapshot);
        var warning = Assert.Single(result.Problems, p => p.Resource == "SecurityPolicy 'sp-lost'");
        Assert.False(warning.IsError);
        Assert.Contains("TLSv1.0 is not offered: its only cipher (DES-CBC3-SHA) is unavailable on this build", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTlsListenerCarriesItsResolvedPolicyAndNoNotEnforcedWarningRemains()
    {
        var custom = Policy("sp-tlcp", ["TLSv1.2"], "ECC-SM2-WITH-SM4-SM3", "ECDHE-RSA-AES128-GCM-SHA256");
        var result = Build("cert-rsa", custom, second: Https("lsn-default", PortAllocator.Next(), "cert-rsa", [], "sgp"));

        var snapshot = result.Snapshot!;
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("not enforced", StringComparison.Ordinal));
        Assert.Equal("tls_cipher_policy_1_0", snapshot.Listeners["lsn-default"].Policy!.Id);
        var policy = snapshot.Listeners["lsn"].Policy!;
        Assert.Equal(["TLSv1.2"], policy.VersionNames);
        Assert.Equal(["ECC-SM2-SM4-CBC-SM3", "ECDHE-RSA-AES128-GCM-SHA256"], policy.Ciphers.Select(c => c.Name));
        Assert.Equal(["ECC-SM2-SM4-CBC-SM3"], policy.TlcpCiphers.Select(c => c.Name));
        Assert.Same(policy, snapshot.SecurityPolicies["sp-tlcp"]);
    }

    [Fact]
    public void QuicListenerWhosePolicyListsOnlyCcmSuitesIsAnError()
    {
        var errors = BuildQuic(Policy("sp-ccm", ["TLSv1.3"], "TLS_AES_128_CCM_SHA256")).Problems;

        ErrorAssert.Has(errors, QuicListener, "SecurityPolicyId", "security policy 'sp-ccm' lists only TLS 1.3 suites QUIC cannot offer (TLS_AES_128_CCM_SHA256)");
    }

    [Fact]
    public void QuicListenerWarnsOfTheCcmSuitesItLeavesOutAndOffersTheRest()
    {
        var result = BuildQuic(Policy("sp-mixed", ["TLSv1.2", "TLSv1.3"], "ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_128_CCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"));

        var warning = Assert.Single(result.Problems, p => p.Resource == QuicListener);
        Assert.False(warning.IsError);
        Assert.Contains("lists TLS_AES_128_CCM_SHA256, which QUIC does not offer (msquic has no CCM suites): this listener offers TLS_CHACHA20_POLY1305_SHA256", warning.Message, StringComparison.Ordinal);
        Assert.Equal([System.Net.Security.TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256], result.Snapshot!.Listeners["lsn-quic"].QuicTls!.CipherSuites!.AllowedCipherSuites!);
    }

    [Fact]
    public void QuicListenerUnderAPolicyWithoutTls13OffersTheStacksSuitesAndServesEveryCertificate()
    {
        var result = BuildQuic(Policy("sp-12", ["TLSv1.2"], "ECDHE-ECDSA-AES128-GCM-SHA256"));

        var quic = result.Snapshot!.Listeners["lsn-quic"];
        Assert.DoesNotContain(result.Problems, p => p.Resource == QuicListener);
        Assert.Null(quic.QuicTls!.CipherSuites);
        Assert.Equal(["cert-rsa", "cert-ecc"], quic.Selector!.Certificates.Select(c => c.Id));
    }

    private SnapshotBuildResult BuildQuic(SecurityPolicyConfig policy) =>
        Build("cert-ecc", Policy("sp-https", ["TLSv1.2"], "ECDHE-ECDSA-AES128-GCM-SHA256"),
            Quic("lsn-quic", PortAllocator.Next(), "cert-rsa", ["cert-ecc"], "sgp") with { SecurityPolicyId = policy.SecurityPolicyId },
            policy);

    private SnapshotBuildResult Build(string defaultCertificate, SecurityPolicyConfig policy, ListenerConfig? second = null, SecurityPolicyConfig? secondPolicy = null)
    {
        var listener = Https("lsn", PortAllocator.Next(), defaultCertificate, [], "sgp") with { SecurityPolicyId = policy.SecurityPolicyId };
        var config = _scenario.Config([Group("sgp", (5080, 100))], second is null ? [listener] : [listener, second]) with
        {
            SecurityPolicies = secondPolicy is null ? [policy] : [policy, secondPolicy],
        };
        _scenario.Write(config);
        return SnapshotBuilder.Load(_scenario.ConfigPath, version: 1);
    }

    private static SecurityPolicyConfig Policy(string id, string[] versions, params string[] ciphers) =>
        new() { SecurityPolicyId = id, TLSVersions = [.. versions], Ciphers = [.. ciphers] };
}
