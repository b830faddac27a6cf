using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Tests.Configuration;

/// <summary>Custom security policies and listeners' SecurityPolicyId: every mistake an error naming the policy.</summary>
public sealed class SecurityPolicyValidationTests
{
    [Fact]
    public void CustomPolicyNeedsKnownTlsVersionsAndCiphers()
    {
        var errors = Validate(
            new SecurityPolicyConfig { SecurityPolicyId = "sp-modern", TLSVersions = ["TLSv1.2", "SSLv3"], Ciphers = ["AES128-SHA", "RC4-MD5"] },
            new SecurityPolicyConfig { SecurityPolicyId = "sp-empty" });

        ErrorAssert.Has(errors, "SecurityPolicy 'sp-modern'", "TLSVersions[1]", "'SSLv3' is not a known value: use TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3");
        ErrorAssert.Has(errors, "SecurityPolicy 'sp-modern'", "Ciphers[1]", "'RC4-MD5' is not a cipher suite of the product: use one of ECDHE-ECDSA-AES128-GCM-SHA256,");
        ErrorAssert.Has(errors, "SecurityPolicy 'sp-empty'", "TLSVersions", "TLSVersions must not be empty");
        ErrorAssert.Has(errors, "SecurityPolicy 'sp-empty'", "Ciphers", "Ciphers must not be empty");
    }

    [Fact]
    public void MisspeltNamesGetTheNameTheyMostLikelyMeant()
    {
        var errors = Validate(new SecurityPolicyConfig { SecurityPolicyId = "sp-typo", TLSVersions = ["TLSV1.2", "TLSv1.3"], Ciphers = ["ECDHE-RSA-AES128-GCM-SHA265", "TLS_AES_128_GCM_SHA256"] });

        ErrorAssert.Has(errors, "SecurityPolicy 'sp-typo'", "TLSVersions[0]", "'TLSV1.2' is not a known value: use TLSv1.2");
        ErrorAssert.Has(errors, "SecurityPolicy 'sp-typo'", "Ciphers[0]", "did you mean 'ECDHE-RSA-AES128-GCM-SHA256'?");
    }

    [Theory]
    [InlineData("TLSv1.0", "AES128-GCM-SHA256", "'AES128-GCM-SHA256' works only under TLSv1.2, which TLSVersions does not choose")]
    [InlineData("TLSv1.1", "ECDHE-ECDSA-AES256-SHA384", "'ECDHE-ECDSA-AES256-SHA384' works only under TLSv1.2")]
    [InlineData("TLSv1.2", "TLS_AES_128_CCM_8_SHA256", "'TLS_AES_128_CCM_8_SHA256' works only under TLSv1.3, which TLSVersions does not choose: add TLSv1.3")]
    [InlineData("TLSv1.3", "AES128-SHA", "'AES128-SHA' works only under TLSv1.0, TLSv1.1, TLSv1.2, which TLSVersions does not choose: add one of them")]
    public void CipherThatNoChosenVersionSupportsIsAnError(string version, string cipher, string message)
    {
        var errors = Validate(new SecurityPolicyConfig { SecurityPolicyId = "sp-mismatch", TLSVersions = [version], Ciphers = ["ECDHE-RSA-AES128-SHA", "TLS_AES_128_GCM_SHA256", cipher] });

        ErrorAssert.Has(errors, "SecurityPolicy 'sp-mismatch'", "Ciphers[2]", message);
    }

    [Fact]
    public void Sha1SuitesWorkUnderTls10AndTls11()
    {
        var errors = Validate(new SecurityPolicyConfig
        {
            SecurityPolicyId = "sp-legacy", TLSVersions = ["TLSv1.0", "TLSv1.1"],
            Ciphers = ["ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA"],
        });

        ErrorAssert.None(errors);
    }

    [Fact]
    public void ACipherListedTwiceUnderEitherNameIsAnError()
    {
        var errors = Validate(new SecurityPolicyConfig
        {
            SecurityPolicyId = "sp-twice", TLSVersions = ["TLSv1.2", "TLSv1.2"],
            Ciphers = ["AES128-SHA", "AES128-SHA", "ECC-SM2-SM4-CBC-SM3", "ECC-SM2-WITH-SM4-SM3"],
        });

        ErrorAssert.Has(errors, "SecurityPolicy 'sp-twice'", "TLSVersions[1]", "'TLSv1.2' is listed twice");
        ErrorAssert.Has(errors, "SecurityPolicy 'sp-twice'", "Ciphers[1]", "'AES128-SHA' is listed twice: remove one");
        ErrorAssert.Has(errors, "SecurityPolicy 'sp-twice'", "Ciphers[3]", "'ECC-SM2-WITH-SM4-SM3' is listed twice (as 'ECC-SM2-SM4-CBC-SM3')");
    }

    [Fact]
    public void SmSuitesUnderEitherTongsuoNameAreValidWithAnyTlsVersion()
    {
        var errors = Validate(new SecurityPolicyConfig
        {
            SecurityPolicyId = "sp-sm", TLSVersions = ["TLSv1.2"],
            Ciphers = ["ECDHE-SM2-WITH-SM4-SM3", "ECC-SM2-WITH-SM4-SM3", "ECC-SM2-SM4-GCM-SM3", "ECDHE-SM2-SM4-GCM-SM3", "ECDHE-RSA-AES128-GCM-SHA256"],
        });

        ErrorAssert.None(errors);
    }

    [Fact]
    public void ChosenVersionThatNoCipherWorksUnderIsAWarningNotAnError()
    {
        var errors = Validate(new SecurityPolicyConfig { SecurityPolicyId = "sp-no13", TLSVersions = ["TLSv1.2", "TLSv1.3"], Ciphers = ["ECDHE-RSA-AES128-GCM-SHA256"] });

        var warning = Assert.Single(errors);
        Assert.False(warning.IsError);
        Assert.Equal("SecurityPolicy 'sp-no13'", warning.Resource);
        Assert.Contains("TLSv1.3 is chosen but none of Ciphers works under it, so TLSv1.3 is not offered", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPolicyOnATcpSslListenerIsAnErrorNamingThePolicy()
    {
        var config = TestConfigs.Valid();
        config = config with
        {
            LoadBalancers =
            [
                .. config.LoadBalancers,
                new()
                {
                    LoadBalancerId = "nlb-local", LoadBalancerType = "NLB", Address = "0.0.0.0",
                    Listeners = [new() { ListenerId = "lsn-tls", ListenerProtocol = "TCPSSL", ListenerPort = 9443, CertificateIds = ["cert-www"], ServerGroupId = "sgp-tcp", SecurityPolicyId = "tls_cipher_policy_9" }],
                },
            ],
        };

        ErrorAssert.Has(ConfigValidator.Validate(config), "Listener 'lsn-tls' (LoadBalancer 'nlb-local')", "SecurityPolicyId",
            "security policy 'tls_cipher_policy_9' does not exist: use a system policy (tls_cipher_policy_1_0, tls_cipher_policy_1_1, tls_cipher_policy_1_2, tls_cipher_policy_1_2_strict, tls_cipher_policy_1_2_strict_with_1_3)");
    }

    [Fact]
    public void EveryCipherOfTheProductAndItsSmAliasesIsKnown()
    {
        string[] expected =
        [
            "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA384",
            "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA384",
            "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA",
            "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES256-SHA256", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA",
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256",
            "ECC-SM2-SM4-CBC-SM3", "ECC-SM2-WITH-SM4-SM3", "ECC-SM2-SM4-GCM-SM3", "ECDHE-SM2-SM4-CBC-SM3", "ECDHE-SM2-WITH-SM4-SM3", "ECDHE-SM2-SM4-GCM-SM3",
        ];

        Assert.Equal(expected.Order(), CipherSuites.Names.Order());
        Assert.Equal(5, SystemSecurityPolicies.Ids.Count);
    }

    private static IReadOnlyList<LoadBalancer.Configuration.ConfigError> Validate(params SecurityPolicyConfig[] policies)
    {
        var config = TestConfigs.Valid() with { SecurityPolicies = [.. policies] };
        return ConfigValidator.Validate(config.WithHttps(l => l with { SecurityPolicyId = null }));
    }
}
