using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class ListenerValidationTests
{
    private static readonly LoadBalancerInstanceConfig s_nlb = new()
    {
        LoadBalancerId = "nlb-local", LoadBalancerType = "NLB", Address = "127.0.0.1",
        Listeners = [TestConfigs.Nlb("lsn-tcp", 9000)],
    };

    [Fact]
    public void ListenerPortMustBeInRange()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { ListenerPort = 65536 });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "ListenerPort", "65536 is out of range: ListenerPort must be 1-65535");
    }

    [Fact]
    public void TheSamePortOnTheWildcardAddressClashesWithAnIpv4Address()
    {
        var config = TestConfigs.Valid().WithInstance(s_nlb with { Listeners = [TestConfigs.Nlb("lsn-tcp", 8080)] });

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-tcp' (LoadBalancer 'nlb-local')", "ListenerPort",
            $"port 8080 on 127.0.0.1 is already bound by {TestConfigs.Http} on 0.0.0.0");
    }

    [Fact]
    public void TheIpv6WildcardClashesWithEverything()
    {
        var config = TestConfigs.Valid().WithInstance(new()
        {
            LoadBalancerId = "alb-v6", LoadBalancerType = "ALB", Address = "::",
            Listeners = [TestConfigs.HttpListener() with { ListenerId = "lsn-v6" }],
        });

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-v6' (LoadBalancer 'alb-v6')", "ListenerPort",
            $"already bound by {TestConfigs.Http}");
    }

    [Fact]
    public void TheSamePortOnDifferentAddressesIsFine()
    {
        var config = TestConfigs.Valid()
            .WithAlb(i => i with { Address = "127.0.0.1" })
            .WithInstance(new()
            {
                LoadBalancerId = "alb-two", LoadBalancerType = "ALB", Address = "127.0.0.2",
                Listeners = [TestConfigs.HttpListener() with { ListenerId = "lsn-two" }],
            });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Fact]
    public void UnknownAlbProtocolIsAnError()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { ListenerProtocol = "TCP" });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "ListenerProtocol", "'TCP' is not an ALB listener protocol");
    }

    [Fact]
    public void NlbTcpListenersAreServed()
    {
        var config = TestConfigs.Valid().WithInstance(s_nlb);

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Fact]
    public void NlbFieldsOnAnAlbListenerNameTheAlbField()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { CertificateIds = ["cert-www"], ServerGroupId = "sgp-web", AlpnPolicy = "HTTP2Only" });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "CertificateIds", "CertificateIds is an NLB field; on an ALB listener use Certificates instead");
        ErrorAssert.Has(errors, TestConfigs.Https, "ServerGroupId", "use DefaultActions");
        ErrorAssert.Has(errors, TestConfigs.Https, "AlpnPolicy", "use Http2Enabled instead");
    }

    [Fact]
    public void AlbFieldsOnAnNlbListenerNameTheNlbField()
    {
        var config = TestConfigs.Valid().WithInstance(s_nlb with
        {
            Listeners = [TestConfigs.Nlb("lsn-tcp", 9000, "TCPSSL") with { Certificates = [new() { CertificateId = "cert-www" }], XForwardedForConfig = new() }],
        });

        var errors = ConfigValidator.Validate(config);

        const string listener = "Listener 'lsn-tcp' (LoadBalancer 'nlb-local')";
        ErrorAssert.Has(errors, listener, "Certificates", "Certificates is an ALB field; on an NLB listener use CertificateIds instead");
        ErrorAssert.Has(errors, listener, "XForwardedForConfig", "use ProxyProtocolEnabled instead");
    }

    [Fact]
    public void HttpListenersTakeNoCertificateFields()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with
        {
            Certificates = [new() { CertificateId = "cert-www" }],
            AdditionalCertificates = [],
            CaCertificates = [new() { CertificateId = "ca-clients" }],
            SecurityPolicyId = "tls_cipher_policy_1_2",
            Http2Enabled = false,
        });

        var errors = ConfigValidator.Validate(config);

        foreach (var field in new[] { "Certificates", "AdditionalCertificates", "CaCertificates", "SecurityPolicyId", "Http2Enabled" })
        {
            ErrorAssert.Has(errors, TestConfigs.Http, field, $"an HTTP listener takes no {field}");
        }

        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void QuicConfigOnlyOnHttps()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { QuicConfig = new() });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "QuicConfig", "QuicConfig applies to HTTPS listeners only");
    }

    [Fact]
    public void HttpsNeedsExactlyOneDefaultCertificate()
    {
        var none = TestConfigs.Valid().WithHttps(l => l with { Certificates = null });
        var two = TestConfigs.Valid().WithHttps(l => l with { Certificates = [new() { CertificateId = "cert-www" }, new() { CertificateId = "cert-api" }], AdditionalCertificates = null });

        ErrorAssert.Has(ConfigValidator.Validate(none), TestConfigs.Https, "Certificates", "exactly one entry in Certificates (the default certificate), not 0");
        ErrorAssert.Has(ConfigValidator.Validate(two), TestConfigs.Https, "Certificates", "not 2: put the others in AdditionalCertificates");
    }

    [Fact]
    public void ReferencedCertificatesMustExistAndNotBeCaCertificates()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with
        {
            AdditionalCertificates = [new() { CertificateId = "cert-api" }, new() { CertificateId = "cert-gone" }, new() { CertificateId = "ca-clients" }, new()],
        });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "AdditionalCertificates[1].CertificateId", "certificate 'cert-gone' does not exist");
        ErrorAssert.Has(errors, TestConfigs.Https, "AdditionalCertificates[2].CertificateId", "is a CA certificate, not a server certificate");
        ErrorAssert.Has(errors, TestConfigs.Https, "AdditionalCertificates[3].CertificateId", "CertificateId is required");
    }

    [Fact]
    public void TheDefaultCertificateIsNotRepeatedAndAdditionalsAreUnique()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with
        {
            AdditionalCertificates = [new() { CertificateId = "cert-www" }, new() { CertificateId = "cert-api" }, new() { CertificateId = "cert-api" }],
        });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "AdditionalCertificates[0].CertificateId", "certificate 'cert-www' is already on this listener");
        ErrorAssert.Has(errors, TestConfigs.Https, "AdditionalCertificates[2].CertificateId", "certificate 'cert-api' is already on this listener");
    }

    [Fact]
    public void Sm2CertificatesAreRefusedOnBasicEdition()
    {
        var config = TestConfigs.Valid()
            .WithAlb(i => i with { LoadBalancerEdition = "Basic" })
            .WithHttps(l => l with { Certificates = [new() { CertificateId = "cert-sm2" }] });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "Certificates[0].CertificateId", "a Basic edition instance does not accept");
    }

    [Fact]
    public void Sm2CertificateNeedsACustomPolicyListingSmSuites()
    {
        var withSystemPolicy = TestConfigs.Valid()
            .WithHttps(l => l with { AdditionalCertificates = [new() { CertificateId = "cert-sm2" }], SecurityPolicyId = "tls_cipher_policy_1_2" });
        var withCustomPolicy = withSystemPolicy with
        {
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = "sp-sm", TLSVersions = ["TLSv1.2"], Ciphers = ["ECDHE-RSA-AES128-GCM-SHA256", "ECC-SM2-SM4-GCM-SM3"] }],
        };
        var withoutSmSuites = withSystemPolicy with
        {
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = "sp-sm", TLSVersions = ["TLSv1.2"], Ciphers = ["ECDHE-RSA-AES128-GCM-SHA256"] }],
        };

        ErrorAssert.Has(ConfigValidator.Validate(withSystemPolicy), TestConfigs.Https, "SecurityPolicyId", "'tls_cipher_policy_1_2' lists none");
        ErrorAssert.None(ConfigValidator.Validate(withCustomPolicy.WithHttps(l => l with { SecurityPolicyId = "sp-sm" })));
        ErrorAssert.Has(ConfigValidator.Validate(withoutSmSuites.WithHttps(l => l with { SecurityPolicyId = "sp-sm" })), TestConfigs.Https, "SecurityPolicyId",
            "security policy 'sp-sm' lists none: add ECC-SM2-SM4-CBC-SM3 or ECC-SM2-SM4-GCM-SM3");
    }

    [Theory]
    [InlineData("Basic", 10)]
    [InlineData("Standard", 25)]
    [InlineData("StandardWithWaf", 25)]
    public void AdditionalCertificatesAreLimitedPerInstance(string edition, int limit)
    {
        var certificates = Enumerable.Range(0, limit + 1)
            .Select(i => new CertificateConfig { CertificateId = $"cert-{i}", CertificateFile = "c.crt", PrivateKeyFile = "c.key" }).ToList();
        var atLimit = certificates.Take(limit).Select(c => new CertificateReference { CertificateId = c.CertificateId }).ToList();
        var baseConfig = (TestConfigs.Valid() with { Certificates = [.. TestConfigs.Valid().Certificates, .. certificates] })
            .WithAlb(i => i with { LoadBalancerEdition = edition });

        var fine = baseConfig.WithHttps(l => l with { AdditionalCertificates = atLimit });
        var over = baseConfig.WithHttps(l => l with { AdditionalCertificates = [.. atLimit, new() { CertificateId = $"cert-{limit}" }] });

        ErrorAssert.None(ConfigValidator.Validate(fine));
        ErrorAssert.Has(ConfigValidator.Validate(over), TestConfigs.Alb, "Listeners[].AdditionalCertificates", $"exceed the limit of {limit}");
    }

    [Fact]
    public void RaisedQuotaAllowsMoreAdditionalCertificatesAndIsItselfBounded()
    {
        var certificates = Enumerable.Range(0, 40)
            .Select(i => new CertificateConfig { CertificateId = $"cert-{i}", CertificateFile = "c.crt", PrivateKeyFile = "c.key" }).ToList();
        var forty = (TestConfigs.Valid() with { Certificates = [.. TestConfigs.Valid().Certificates, .. certificates] })
            .WithHttps(l => l with { AdditionalCertificates = [.. certificates.Select(c => new CertificateReference { CertificateId = c.CertificateId })] });

        var raised = forty with { Quotas = new QuotasConfig { AdditionalCertificatesPerLoadBalancer = 40 } };
        var tooLow = forty with { Quotas = new QuotasConfig { AdditionalCertificatesPerLoadBalancer = 39 } };
        var nonsense = forty with { Quotas = new QuotasConfig { AdditionalCertificatesPerLoadBalancer = 0 } };

        ErrorAssert.None(ConfigValidator.Validate(raised));
        ErrorAssert.Has(ConfigValidator.Validate(tooLow), TestConfigs.Alb, "Listeners[].AdditionalCertificates", "exceed the limit of 39");
        ErrorAssert.Has(ConfigValidator.Validate(nonsense), "Quotas", "AdditionalCertificatesPerLoadBalancer", "out of range");
    }

    [Fact]
    public void ListenerSecurityPolicyMustBeSystemOrCustom()
    {
        var system = TestConfigs.Valid().WithHttps(l => l with { SecurityPolicyId = "tls_cipher_policy_1_2_strict_with_1_3" });
        var missing = TestConfigs.Valid().WithHttps(l => l with { SecurityPolicyId = "sp-old" });

        ErrorAssert.None(ConfigValidator.Validate(system));
        ErrorAssert.Has(ConfigValidator.Validate(missing), TestConfigs.Https, "SecurityPolicyId", "security policy 'sp-old' does not exist");
    }

    [Fact]
    public void AlbTimeoutsAreChecked()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with { IdleTimeout = 0, RequestTimeout = 181 });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "IdleTimeout", "IdleTimeout must be 1-60 seconds on an ALB listener");
        ErrorAssert.Has(errors, TestConfigs.Https, "RequestTimeout", "RequestTimeout must be 1-180 seconds on an ALB listener");
    }

    [Fact]
    public void NlbIdleTimeoutIsChecked()
    {
        var config = TestConfigs.Valid().WithInstance(s_nlb with { Listeners = [TestConfigs.Nlb("lsn-tcp", 9000) with { IdleTimeout = 5 }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-tcp' (LoadBalancer 'nlb-local')", "IdleTimeout",
            "IdleTimeout must be 10-900 seconds on an NLB listener");
    }
}
