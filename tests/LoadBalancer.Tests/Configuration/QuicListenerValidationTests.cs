using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

/// <summary>QUIC listeners and the QUIC upgrade of HTTPS listeners, as the product allows them.</summary>
public sealed class QuicListenerValidationTests
{
    private static readonly QuicConfig Upgrade = new() { QuicUpgradeEnabled = true, QuicListenerId = "lsn-quic" };

    [Fact]
    public void QuicListenerOnTheHttpsPortWithHeadersRulesAndAPolicyIsValid()
    {
        var config = TestConfigs.Valid()
            .WithQuic(l => l with
            {
                SecurityPolicyId = "sp-modern",
                XForwardedForConfig = new() { XForwardedForProtoEnabled = true, XForwardedForSLBPortEnabled = true },
                Rules = [.. TestConfigs.HttpsListener().Rules!.Select(r => r with { RuleId = "rule-api-h3" })],
            })
            .WithHttps(l => l with { QuicConfig = Upgrade });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Fact]
    public void TwoQuicListenersOnOnePortClash()
    {
        var config = TestConfigs.Valid().WithQuic().WithAlb(i => i with { Listeners = [.. i.Listeners, TestConfigs.QuicListener() with { ListenerId = "lsn-quic2" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-quic2' (LoadBalancer 'alb-local')", "ListenerPort", "port 8443 on 0.0.0.0 is already bound by " + TestConfigs.Quic);
    }

    [Fact]
    public void QuicListenerNeedsExactlyOneDefaultCertificate()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { Certificates = null });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "Certificates", "a QUIC listener needs exactly one entry in Certificates");
    }

    [Fact]
    public void QuicListenerRefusesUnknownCertificates()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { AdditionalCertificates = [new() { CertificateId = "cert-nope" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "AdditionalCertificates[0].CertificateId", "certificate 'cert-nope' does not exist");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sm2CertificateIsRefusedOnQuicListeners(bool asDefault)
    {
        var config = TestConfigs.Valid().WithQuic(l => asDefault
            ? l with { Certificates = [new() { CertificateId = "cert-sm2" }] }
            : l with { AdditionalCertificates = [new() { CertificateId = "cert-sm2" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, asDefault ? "Certificates[0].CertificateId" : "AdditionalCertificates[0].CertificateId",
            "'cert-sm2' is an SM2 certificate, which QUIC listeners do not accept");
    }

    [Fact]
    public void MutualTlsIsRefusedOnQuicListeners()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { CaEnabled = true, CaCertificates = [new() { CertificateId = "ca-clients" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "CaEnabled", "QUIC listeners support one-way authentication only");
    }

    [Fact]
    public void Http2EnabledIsRefusedOnQuicListeners()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { Http2Enabled = true });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "Http2Enabled", "a QUIC listener serves HTTP/3 only");
    }

    [Fact]
    public void ClientCertificateHeadersAreRefusedOnQuicListeners()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { XForwardedForConfig = new() { XForwardedForClientCertFingerprintEnabled = true } });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "XForwardedForConfig.XForwardedForClientCertFingerprintEnabled",
            "QUIC listeners authenticate one way only");
    }

    [Fact]
    public void QuicListenerNeedsDefaultActions()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { DefaultActions = null });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "DefaultActions", "DefaultActions is required");
    }

    [Fact]
    public void QuicListenerBelongsToAlbInstances()
    {
        var nlb = new LoadBalancerInstanceConfig
        {
            LoadBalancerId = "nlb-local", LoadBalancerType = "NLB", Address = "0.0.0.0",
            Listeners = [TestConfigs.Nlb("lsn-nlb-quic", 9443, "QUIC")],
        };
        var config = TestConfigs.Valid().WithInstance(nlb);

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-nlb-quic' (LoadBalancer 'nlb-local')", "ListenerProtocol",
            "'QUIC' is not an NLB listener protocol: use TCP or TCPSSL (HTTP, HTTPS and QUIC belong to ALB instances)");
    }

    [Fact]
    public void QuicUpgradeNeedsAQuicListenerId()
    {
        var config = TestConfigs.Valid().WithQuic().WithHttps(l => l with { QuicConfig = new() { QuicUpgradeEnabled = true } });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "QuicConfig.QuicListenerId", "QuicUpgradeEnabled needs QuicListenerId naming a QUIC listener of LoadBalancer 'alb-local'");
    }

    [Fact]
    public void QuicUpgradeRefusesAnUnknownListener()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { QuicConfig = Upgrade });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "QuicConfig.QuicListenerId", "listener 'lsn-quic' does not exist");
    }

    [Fact]
    public void QuicUpgradeRefusesAListenerThatIsNotQuic()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { QuicConfig = new() { QuicUpgradeEnabled = true, QuicListenerId = "lsn-http" } });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "QuicConfig.QuicListenerId", "'lsn-http' is not a QUIC listener (its ListenerProtocol is HTTP)");
    }

    [Fact]
    public void QuicUpgradeRefusesAQuicListenerOfAnotherInstance()
    {
        var other = new LoadBalancerInstanceConfig
        {
            LoadBalancerId = "alb-two", LoadBalancerType = "ALB", LoadBalancerEdition = "Standard", Address = "127.0.0.2",
            Listeners = [TestConfigs.QuicListener() with { ListenerId = "lsn-quic-two" }],
        };
        var config = TestConfigs.Valid().WithInstance(other).WithHttps(l => l with { QuicConfig = new() { QuicUpgradeEnabled = true, QuicListenerId = "lsn-quic-two" } });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "QuicConfig.QuicListenerId",
            "'lsn-quic-two' belongs to LoadBalancer 'alb-two', not LoadBalancer 'alb-local'");
    }

    [Fact]
    public void DisabledQuicUpgradeNeedsNoListener()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { QuicConfig = new() { QuicUpgradeEnabled = false } });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Fact]
    public void QuicConfigIsRefusedOnQuicListenersThemselves()
    {
        var config = TestConfigs.Valid().WithQuic(l => l with { QuicConfig = Upgrade });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Quic, "QuicConfig", "QuicConfig applies to HTTPS listeners only");
    }
}
