using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class ClientCertificateHeaderAliasValidationTests
{
    private const string SubjectField = "XForwardedForConfig.XForwardedForClientCertSubjectDNAlias";
    private const string IssuerField = "XForwardedForConfig.XForwardedForClientCertIssuerDNAlias";
    private const string FingerprintField = "XForwardedForConfig.XForwardedForClientCertFingerprintAlias";
    private const string VerifyField = "XForwardedForConfig.XForwardedForClientCertClientVerifyAlias";

    private static LoadBalancerConfig With(XForwardedForConfig xff) =>
        TestConfigs.Valid().WithHttps(l => l with { XForwardedForConfig = xff });

    [Fact]
    public void WellFormedDistinctAliasesAreValid()
    {
        var config = With(new()
        {
            XForwardedForClientCertSubjectDNEnabled = true, XForwardedForClientCertSubjectDNAlias = "x-client-subject",
            XForwardedForClientCertIssuerDNAlias = "x_client_issuer",
            XForwardedForClientCertFingerprintAlias = "fp1",
            XForwardedForClientCertClientVerifyAlias = new string('v', 40),
        });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Theory]
    [InlineData("")]
    [InlineData("X-Client-Subject")]
    [InlineData("x client")]
    [InlineData("x.client")]
    [InlineData("x:client")]
    [InlineData("ünicode")]
    public void AnAliasOutsideTheCharacterRuleIsAnError(string alias)
    {
        var config = With(new() { XForwardedForClientCertSubjectDNAlias = alias });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, SubjectField,
            "an alias is 1-40 characters of lowercase letters, digits, '-' and '_'");
    }

    [Fact]
    public void AnAliasLongerThanFortyCharactersIsAnError()
    {
        var config = With(new() { XForwardedForClientCertFingerprintAlias = new string('f', 41) });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, FingerprintField, "1-40 characters");
    }

    [Fact]
    public void EachAliasFieldIsChecked()
    {
        var config = With(new()
        {
            XForwardedForClientCertSubjectDNAlias = "A", XForwardedForClientCertIssuerDNAlias = "B",
            XForwardedForClientCertFingerprintAlias = "C", XForwardedForClientCertClientVerifyAlias = "D",
        });

        var errors = ConfigValidator.Validate(config);

        foreach (var field in new[] { SubjectField, IssuerField, FingerprintField, VerifyField })
        {
            ErrorAssert.Has(errors, TestConfigs.Https, field, "is not a valid alias");
        }

        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void TwoAliasesMustNotNameTheSameHeader()
    {
        var config = With(new() { XForwardedForClientCertSubjectDNAlias = "x-cert", XForwardedForClientCertIssuerDNAlias = "x-cert" });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, IssuerField,
            "'x-cert' names the same header as XForwardedForClientCertSubjectDNAlias");
    }

    [Fact]
    public void AnAliasMustNotTakeAnotherHeadersDefaultName()
    {
        var config = With(new() { XForwardedForClientCertSubjectDNAlias = "x-forwarded-clientcert-fingerprint" });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, SubjectField,
            "names the same header as the default header X-Forwarded-Clientcert-fingerprint");
    }

    [Fact]
    public void AnAliasMayRepeatItsOwnDefaultName()
    {
        var config = With(new() { XForwardedForClientCertClientVerifyAlias = "x-forwarded-clientcert-clientverify" });

        ErrorAssert.None(ConfigValidator.Validate(config));
    }

    [Theory]
    [InlineData("x-forwarded-for")]
    [InlineData("slb-id")]
    [InlineData("host")]
    [InlineData("content-length")]
    public void AnAliasMustNotTakeAHeaderTheLoadBalancerManages(string alias)
    {
        var config = With(new() { XForwardedForClientCertFingerprintAlias = alias });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https, FingerprintField, "which the load balancer manages");
    }

    [Fact]
    public void AliasesAreCheckedOnHttpListenersToo()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { XForwardedForConfig = new() { XForwardedForClientCertSubjectDNAlias = "Bad" } });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, SubjectField, "is not a valid alias");
    }
}
