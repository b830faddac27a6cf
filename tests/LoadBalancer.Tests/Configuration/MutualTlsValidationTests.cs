using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class MutualTlsValidationTests
{
    private static readonly List<CertificateReference> s_ca = [new() { CertificateId = "ca-clients" }];

    [Fact]
    public void MutualTlsOnAnHttpsListenerWithOneCaIsValid()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = true, CaCertificates = s_ca });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Fact]
    public void CaCertificatesWithoutCaEnabledAreFine()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = false, CaCertificates = s_ca });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Fact]
    public void MutualTlsIsRefusedOnHttpListeners()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { CaEnabled = true });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "CaEnabled", "HTTP listeners support one-way authentication only");
    }

    [Fact]
    public void MutualTlsIsRefusedOnQuicListeners()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { ListenerProtocol = "QUIC", CaEnabled = true });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "CaEnabled", "QUIC listeners support one-way authentication only");
    }

    [Fact]
    public void MutualTlsIsRefusedOnBasicEdition()
    {
        var config = TestConfigs.Valid()
            .WithAlb(i => i with { LoadBalancerEdition = "Basic" })
            .WithHttps(l => l with { CaEnabled = true, CaCertificates = s_ca });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "CaEnabled", "a Basic edition instance does not support mutual authentication");
        Assert.Single(errors);
    }

    [Fact]
    public void MutualTlsIsRefusedOnAListenerHoldingAnSm2Certificate()
    {
        var config = TestConfigs.Valid()
            .WithHttps(l => l with { CaEnabled = true, CaCertificates = s_ca, AdditionalCertificates = [new() { CertificateId = "cert-sm2" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "CaEnabled",
            "mutual authentication cannot be combined with the SM2 certificate 'cert-sm2'");
    }

    [Fact]
    public void CaEnabledNeedsACaCertificatesEntry()
    {
        var absent = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = true });
        var empty = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = true, CaCertificates = [] });

        ErrorAssert.Has(ConfigValidator.Validate(absent), TestConfigs.Https, "CaCertificates", "CaEnabled needs exactly one CaCertificates entry, not 0");
        ErrorAssert.Has(ConfigValidator.Validate(empty), TestConfigs.Https, "CaCertificates", "CaEnabled needs exactly one CaCertificates entry, not 0");
    }

    [Fact]
    public void AListenerTakesOneCaOnly()
    {
        var config = (TestConfigs.Valid() with
        {
            CaCertificates = [.. TestConfigs.Valid().CaCertificates, new() { CertificateId = "ca-other", CertificateFile = "other.crt" }],
        }).WithHttps(l => l with { CaEnabled = true, CaCertificates = [.. s_ca, new() { CertificateId = "ca-other" }] });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "CaCertificates", "a listener takes exactly one CaCertificates entry, not 2");
        Assert.Single(errors);
    }

    [Fact]
    public void TheCaMustExist()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = true, CaCertificates = [new() { CertificateId = "ca-gone" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "CaCertificates[0].CertificateId", "CA certificate 'ca-gone' does not exist");
    }

    [Fact]
    public void TheCaMustNotBeAServerCertificate()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = true, CaCertificates = [new() { CertificateId = "cert-www" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "CaCertificates[0].CertificateId",
            "'cert-www' is a server certificate, not a CA certificate");
    }

    [Fact]
    public void TheCaIdIsRequired()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { CaEnabled = true, CaCertificates = [new()] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, "CaCertificates[0].CertificateId", "CertificateId is required");
    }

    [Fact]
    public void EveryRefusalIsReportedTogether()
    {
        var config = TestConfigs.Valid()
            .WithAlb(i => i with { LoadBalancerEdition = "Basic" })
            .WithHttps(l => l with
            {
                CaEnabled = true,
                AdditionalCertificates = [new() { CertificateId = "cert-sm2" }],
                CaCertificates = [new() { CertificateId = "cert-www" }, new() { CertificateId = "ca-gone" }],
            });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "CaEnabled", "a Basic edition instance does not support mutual authentication");
        ErrorAssert.Has(errors, TestConfigs.Https, "CaEnabled", "cannot be combined with the SM2 certificate 'cert-sm2'");
        ErrorAssert.Has(errors, TestConfigs.Https, "CaCertificates", "exactly one CaCertificates entry, not 2");
        ErrorAssert.Has(errors, TestConfigs.Https, "CaCertificates[0].CertificateId", "'cert-www' is a server certificate");
        ErrorAssert.Has(errors, TestConfigs.Https, "CaCertificates[1].CertificateId", "CA certificate 'ca-gone' does not exist");
    }

    [Fact]
    public void MutualTlsOnNlbTcpSslListenersIsServed()
    {
        var config = TestConfigs.Valid().WithInstance(new()
        {
            LoadBalancerId = "nlb-local", LoadBalancerType = "NLB", Address = "127.0.0.1",
            Listeners = [TestConfigs.Nlb("lsn-tcpssl", 9443, "TCPSSL") with { CertificateIds = ["cert-www"], CaEnabled = true, CaCertificateIds = ["ca-clients"] }],
        });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }
}
