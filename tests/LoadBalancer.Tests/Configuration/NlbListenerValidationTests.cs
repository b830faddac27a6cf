using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class NlbListenerValidationTests
{
    private const string Tcp = "Listener 'lsn-tcp' (LoadBalancer 'nlb-local')";
    private const string TcpSsl = "Listener 'lsn-tcpssl' (LoadBalancer 'nlb-local')";

    private static LoadBalancerConfig WithNlb(params ListenerConfig[] listeners) => TestConfigs.Valid().WithInstance(new()
    {
        LoadBalancerId = "nlb-local", LoadBalancerType = "NLB", Address = "127.0.0.1", Listeners = [.. listeners],
    });

    private static ListenerConfig TcpListener() => TestConfigs.Nlb("lsn-tcp", 9000);

    private static ListenerConfig TcpSslListener() => TestConfigs.Nlb("lsn-tcpssl", 9443, "TCPSSL") with
    {
        CertificateIds = ["cert-www"], AdditionalCertificateIds = ["cert-api"], SecurityPolicyId = "sp-modern",
    };

    private static IReadOnlyList<LoadBalancer.Configuration.ConfigError> Validate(params ListenerConfig[] listeners) =>
        ConfigValidator.Validate(WithNlb(listeners));

    [Fact]
    public void ValidTcpAndTcpSslListenersHaveNoErrors()
    {
        ErrorAssert.None(Validate(TcpListener(), TcpSslListener() with { AlpnPolicy = "HTTP2Preferred", AlpnEnabled = false, ProxyProtocolEnabled = false, IdleTimeout = 900 }));
    }

    [Fact]
    public void ServerGroupIdIsRequired()
    {
        ErrorAssert.Has(Validate(TcpListener() with { ServerGroupId = null }), Tcp, "ServerGroupId", "ServerGroupId is required");
    }

    [Fact]
    public void ServerGroupIdMustExist()
    {
        ErrorAssert.Has(Validate(TcpSslListener() with { ServerGroupId = "sgp-gone" }), TcpSsl, "ServerGroupId", "server group 'sgp-gone' does not exist");
    }

    [Fact]
    public void ServerGroupMustBeTcp()
    {
        var errors = Validate(TcpListener() with { ServerGroupId = "sgp-web" }, TcpSslListener() with { ServerGroupId = "sgp-api" });

        ErrorAssert.Has(errors, Tcp, "ServerGroupId", "server group 'sgp-web' has Protocol HTTP; an NLB listener forwards to TCP server groups only");
        ErrorAssert.Has(errors, TcpSsl, "ServerGroupId", "server group 'sgp-api' has Protocol HTTPS");
    }

    [Fact]
    public void AlbActionsMustNotUseATcpGroup()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { DefaultActions = [TestConfigs.Forward("sgp-tcp")] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "DefaultActions[0].ForwardGroupConfig.ServerGroupTuples[0].ServerGroupId",
            "server group 'sgp-tcp' has Protocol TCP");
    }

    [Fact]
    public void TcpListenersTakeNoCertificateFields()
    {
        var errors = Validate(TcpListener() with
        {
            CertificateIds = ["cert-www"], AdditionalCertificateIds = ["cert-api"], CaCertificateIds = ["ca-clients"], CaEnabled = true,
            SecurityPolicyId = "sp-modern", AlpnEnabled = true, AlpnPolicy = "HTTP2Only",
        });

        foreach (var field in new[] { "CertificateIds", "AdditionalCertificateIds", "CaCertificateIds", "CaEnabled", "SecurityPolicyId", "AlpnEnabled", "AlpnPolicy" })
        {
            ErrorAssert.Has(errors, Tcp, field, $"a TCP listener takes no {field}");
        }
    }

    [Fact]
    public void TcpListenersAcceptFalseFlags()
    {
        ErrorAssert.None(Validate(TcpListener() with { CaEnabled = false, AlpnEnabled = false, ProxyProtocolEnabled = false }));
    }

    [Fact]
    public void TcpSslNeedsExactlyOneDefaultCertificate()
    {
        var errors = Validate(
            TcpSslListener() with { CertificateIds = null },
            TcpSslListener() with { ListenerId = "lsn-two", ListenerPort = 9444, CertificateIds = ["cert-www", "cert-api"], AdditionalCertificateIds = null });

        ErrorAssert.Has(errors, TcpSsl, "CertificateIds", "exactly one entry in CertificateIds (the default certificate), not 0");
        ErrorAssert.Has(errors, "Listener 'lsn-two' (LoadBalancer 'nlb-local')", "CertificateIds", "not 2");
    }

    [Fact]
    public void TcpSslDefaultCertificateMustExist()
    {
        ErrorAssert.Has(Validate(TcpSslListener() with { CertificateIds = ["cert-gone"] }), TcpSsl, "CertificateIds[0]", "certificate 'cert-gone' does not exist");
    }

    [Fact]
    public void TcpSslCertificateMustNotBeACaCertificate()
    {
        ErrorAssert.Has(Validate(TcpSslListener() with { CertificateIds = ["ca-clients"] }), TcpSsl, "CertificateIds[0]", "'ca-clients' is a CA certificate");
    }

    [Fact]
    public void TcpSslRefusesSm2Certificates()
    {
        var errors = Validate(TcpSslListener() with { CertificateIds = ["cert-sm2"], AdditionalCertificateIds = null });

        ErrorAssert.Has(errors, TcpSsl, "CertificateIds[0]", "SM2 certificates are served on HTTPS listeners only");
    }

    [Fact]
    public void TcpSslAdditionalCertificatesMustExist()
    {
        var errors = Validate(TcpSslListener() with { AdditionalCertificateIds = ["cert-gone", "cert-sm2"] });

        ErrorAssert.Has(errors, TcpSsl, "AdditionalCertificateIds[0]", "certificate 'cert-gone' does not exist");
        ErrorAssert.Has(errors, TcpSsl, "AdditionalCertificateIds[1]", "SM2 certificates are served on HTTPS listeners only");
    }

    [Fact]
    public void TcpSslAdditionalCertificatesHaveNoDuplicates()
    {
        var errors = Validate(TcpSslListener() with { AdditionalCertificateIds = ["cert-api", "cert-api"] });

        ErrorAssert.Has(errors, TcpSsl, "AdditionalCertificateIds[1]", "certificate 'cert-api' is already on this listener");
    }

    [Fact]
    public void TcpSslAdditionalCertificatesDoNotRepeatTheDefault()
    {
        var errors = Validate(TcpSslListener() with { AdditionalCertificateIds = ["cert-www"] });

        ErrorAssert.Has(errors, TcpSsl, "AdditionalCertificateIds[0]", "certificate 'cert-www' is already on this listener");
    }

    [Fact]
    public void AdditionalCertificateQuotaCountsNlbListeners()
    {
        var config = WithNlb(TcpSslListener()) with { Quotas = new() { AdditionalCertificatesPerLoadBalancer = 1 } };
        config = config with
        {
            LoadBalancers = config.LoadBalancers.Select(i => i.LoadBalancerId != "nlb-local" ? i : i with
            {
                Listeners = [.. i.Listeners, TcpSslListener() with { ListenerId = "lsn-two", ListenerPort = 9444 }],
            }).ToList(),
        };

        ErrorAssert.Has(ConfigValidator.Validate(config), "LoadBalancer 'nlb-local'", "Listeners[].AdditionalCertificateIds",
            "2 additional certificates over the instance's listeners exceed the limit of 1");
    }

    [Fact]
    public void TcpSslMutualTlsNeedsACaCertificateId()
    {
        ErrorAssert.Has(Validate(TcpSslListener() with { CaEnabled = true }), TcpSsl, "CaCertificateIds", "CaEnabled needs exactly one CaCertificateIds entry, not 0");
    }

    [Fact]
    public void TcpSslMutualTlsTakesExactlyOneCaCertificateId()
    {
        var errors = Validate(TcpSslListener() with { CaEnabled = true, CaCertificateIds = ["ca-clients", "ca-gone"] });

        ErrorAssert.Has(errors, TcpSsl, "CaCertificateIds", "exactly one CaCertificateIds entry, not 2");
        ErrorAssert.Has(errors, TcpSsl, "CaCertificateIds[1]", "CA certificate 'ca-gone' does not exist");
    }

    [Fact]
    public void TcpSslMutualTlsRefusesAServerCertificateAsCa()
    {
        var errors = Validate(TcpSslListener() with { CaEnabled = true, CaCertificateIds = ["cert-www"] });

        ErrorAssert.Has(errors, TcpSsl, "CaCertificateIds[0]", "'cert-www' is a server certificate, not a CA certificate");
    }

    [Fact]
    public void ProxyProtocolIsAcceptedOnTcpAndTcpSsl()
    {
        ErrorAssert.None(Validate(TcpListener() with { ProxyProtocolEnabled = true }));
        ErrorAssert.None(Validate(TcpSslListener() with { ProxyProtocolEnabled = true }));
    }

    [Fact]
    public void AlpnEnabledNeedsAnAlpnPolicy()
    {
        ErrorAssert.None(Validate(TcpSslListener() with { AlpnEnabled = true, AlpnPolicy = "HTTP2Only" }));
        ErrorAssert.Has(Validate(TcpSslListener() with { AlpnEnabled = true }), TcpSsl, "AlpnPolicy", "is required when AlpnEnabled is true");
    }

    [Fact]
    public void AlpnPolicyMustBeAProductPolicy()
    {
        var errors = Validate(TcpSslListener() with { AlpnPolicy = "HTTP3Only" });

        ErrorAssert.Has(errors, TcpSsl, "AlpnPolicy", "'HTTP3Only' is not an ALPN policy: use HTTP1Only, HTTP2Only, HTTP2Optional, HTTP2Preferred");
        Assert.Single(errors);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(901)]
    public void NlbIdleTimeoutIsTenToNineHundredSeconds(int seconds)
    {
        ErrorAssert.Has(Validate(TcpSslListener() with { IdleTimeout = seconds }), TcpSsl, "IdleTimeout", "IdleTimeout must be 10-900 seconds on an NLB listener");
    }
}
