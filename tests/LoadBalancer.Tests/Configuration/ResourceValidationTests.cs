using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class ResourceValidationTests
{
    [Fact]
    public void CertificateIdsAreUniqueAcrossCertificatesAndCaCertificates()
    {
        var config = TestConfigs.Valid() with
        {
            CaCertificates = [new() { CertificateId = "cert-www", CertificateFile = "ca.crt" }],
        };

        ErrorAssert.Has(ConfigValidator.Validate(config), "CaCertificate 'cert-www'", "CertificateId",
            "CertificateId 'cert-www' is already used by Certificates[0]");
    }

    [Fact]
    public void MissingIdIsReportedWithItsIndex()
    {
        var config = TestConfigs.Valid() with
        {
            ServerGroups = [.. TestConfigs.Valid().ServerGroups, new ServerGroupConfig()],
        };

        ErrorAssert.Has(ConfigValidator.Validate(config), "ServerGroups[3]", "ServerGroupId", "ServerGroupId is required: give ServerGroups[3] an id");
    }

    [Fact]
    public void ListenerIdsAreUniqueAcrossTheFile()
    {
        var config = TestConfigs.Valid().WithInstance(new()
        {
            LoadBalancerId = "alb-two", LoadBalancerType = "ALB", Address = "127.0.0.2",
            Listeners = [TestConfigs.HttpListener()],
        });

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-http' (LoadBalancer 'alb-two')", "ListenerId",
            "ListenerId 'lsn-http' is already used by Listener 'lsn-http' (LoadBalancer 'alb-local')");
    }

    [Fact]
    public void RuleIdsAreRequiredAndUniqueInTheFile()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { Rules = [.. TestConfigs.HttpsListener().Rules!, new RuleConfig { Priority = 2, RuleConditions = [new() { Type = "Path", PathConfig = new() { Values = ["/"] } }], RuleActions = [TestConfigs.Forward("sgp-web")] }] });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Http, "Rules[0].RuleId", "RuleId 'rule-api' is already used by");
        ErrorAssert.Has(errors, TestConfigs.Http, "Rules[1].RuleId", "RuleId is required");
    }

    [Fact]
    public void DuplicateSecurityPolicyLoadBalancerAndDemoBackendIdsAreErrors()
    {
        var valid = TestConfigs.Valid();
        var config = valid with
        {
            SecurityPolicies = [.. valid.SecurityPolicies, valid.SecurityPolicies[0]],
            DemoBackends = [new() { DemoBackendId = "demo", Port = 7000 }, new() { DemoBackendId = "demo", Port = 7001 }],
        };

        var errors = ConfigValidator.Validate(config.WithInstance(new() { LoadBalancerId = "alb-local", LoadBalancerType = "ALB", Address = "127.0.0.9" }));

        ErrorAssert.Has(errors, "SecurityPolicy 'sp-modern'", "SecurityPolicyId", "already used by SecurityPolicies[0]");
        ErrorAssert.Has(errors, "DemoBackend 'demo'", "DemoBackendId", "already used by DemoBackends[0]");
        ErrorAssert.Has(errors, "LoadBalancer 'alb-local'", "LoadBalancerId", "already used by LoadBalancers[0]");
    }

    [Fact]
    public void RsaCertificateNeedsCertificateAndKeyFiles()
    {
        var config = TestConfigs.Valid() with { Certificates = [new() { CertificateId = "cert-www" }] };

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, "Certificate 'cert-www'", "CertificateFile", "CertificateFile is required");
        ErrorAssert.Has(errors, "Certificate 'cert-www'", "PrivateKeyFile", "PrivateKeyFile is required");
    }

    [Fact]
    public void Sm2CertificateNeedsAllFourFilesAndNoRsaFiles()
    {
        var config = TestConfigs.Valid() with
        {
            Certificates = [.. TestConfigs.Valid().Certificates, new() { CertificateId = "cert-mixed", CertificateFile = "a.crt", SignCertificateFile = "s.crt" }],
        };

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, "Certificate 'cert-mixed'", "EncryptPrivateKeyFile", "EncryptPrivateKeyFile is required");
        ErrorAssert.Has(errors, "Certificate 'cert-mixed'", "CertificateFile", "an SM2 certificate (Sign…/Encrypt… files) cannot also have CertificateFile");
    }

    [Fact]
    public void CaCertificateNeedsItsFile()
    {
        var config = TestConfigs.Valid() with { CaCertificates = [new() { CertificateId = "ca-clients" }] };

        ErrorAssert.Has(ConfigValidator.Validate(config), "CaCertificate 'ca-clients'", "CertificateFile", "CertificateFile is required");
    }

    [Fact]
    public void CustomPolicyCannotTakeASystemName()
    {
        var config = TestConfigs.Valid() with
        {
            SecurityPolicies = [new() { SecurityPolicyId = "tls_cipher_policy_1_2", TLSVersions = ["TLSv1.2"], Ciphers = ["AES128-SHA"] }],
        };

        ErrorAssert.Has(ConfigValidator.Validate(config.WithHttps(l => l with { SecurityPolicyId = null })),
            "SecurityPolicy 'tls_cipher_policy_1_2'", "SecurityPolicyId", "is a system policy");
    }

    [Fact]
    public void ServerGroupNeedsKnownProtocolAndScheduler()
    {
        var config = TestConfigs.Valid().WithGroup("sgp-tcp", g => g with { Protocol = "UDP", Scheduler = "Rr" });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, "ServerGroup 'sgp-tcp'", "Protocol", "Protocol 'UDP' is not supported: use HTTP, HTTPS, TCP");
        ErrorAssert.Has(errors, "ServerGroup 'sgp-tcp'", "Scheduler", "Scheduler 'Rr' is not supported");
    }

    [Fact]
    public void ServersNeedAnIpAPortAWeightAndNoDuplicates()
    {
        var config = TestConfigs.Valid().WithGroup("sgp-web", g => g with
        {
            Servers =
            [
                new() { ServerIp = "localhost", Port = 0, Weight = 101 },
                new() { ServerIp = "10.0.0.1", Port = 80 },
                new() { ServerIp = "10.0.0.1", Port = 80 },
                new() { ServerIp = "1", Port = 80 },
            ],
        });

        var errors = ConfigValidator.Validate(config);

        const string group = "ServerGroup 'sgp-web'";
        ErrorAssert.Has(errors, group, "Servers[0].ServerIp", "'localhost' is not an IP address");
        ErrorAssert.Has(errors, group, "Servers[0].Port", "Port must be 1-65535");
        ErrorAssert.Has(errors, group, "Servers[0].Weight", "Weight must be 0-100");
        ErrorAssert.Has(errors, group, "Servers[2]", "server 10.0.0.1:80 is listed twice");
        ErrorAssert.Has(errors, group, "Servers[3].ServerIp", "'1' is not an IP address");
    }

    [Fact]
    public void DemoBackendNeedsAnIpAPortAndNoListenerOnIt()
    {
        var config = TestConfigs.Valid() with
        {
            DemoBackends =
            [
                new() { DemoBackendId = "demo-bad", Address = "nowhere", Port = 70000 },
                new() { DemoBackendId = "demo-clash", Address = "127.0.0.1", Port = 8443 },
            ],
        };

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, "DemoBackend 'demo-bad'", "Address", "'nowhere' is not an IP address");
        ErrorAssert.Has(errors, "DemoBackend 'demo-bad'", "Port", "Port must be 1-65535");
        ErrorAssert.Has(errors, "DemoBackend 'demo-clash'", "Port", $"127.0.0.1:8443 is also bound by {TestConfigs.Https} on 0.0.0.0");
    }

    [Fact]
    public void LoadBalancerTypeEditionAndAddressAreChecked()
    {
        var config = TestConfigs.Valid()
            .WithAlb(i => i with { LoadBalancerEdition = "Premium", Address = "0.0.0" })
            .WithInstance(new() { LoadBalancerId = "nlb", LoadBalancerType = "NLB", LoadBalancerEdition = "Standard", Address = "127.0.0.5" })
            .WithInstance(new() { LoadBalancerId = "clb", LoadBalancerType = "CLB", Address = "127.0.0.6" });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Alb, "LoadBalancerEdition", "'Premium' is not an ALB edition");
        ErrorAssert.Has(errors, TestConfigs.Alb, "Address", "'0.0.0' is not an IP address");
        ErrorAssert.Has(errors, "LoadBalancer 'nlb'", "LoadBalancerEdition", "an NLB instance has no edition");
        ErrorAssert.Has(errors, "LoadBalancer 'clb'", "LoadBalancerType", "use ALB or NLB");
    }

    [Fact]
    public void AnAlbWithoutEditionIsStandard()
    {
        var config = TestConfigs.Valid().WithAlb(i => i with { LoadBalancerEdition = null });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }
}
