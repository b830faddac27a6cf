using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class ConfigValidatorTests
{
    [Fact]
    public void AValidFullFileHasNoErrors()
    {
        var file = ConfigReader.Parse(ConfigSamples.ValidFull, "loadbalancer.json").File!;

        ErrorAssert.None(ConfigValidator.Validate(file.Config));
    }

    [Fact]
    public void TheValidTestConfigurationHasNoErrors()
    {
        ErrorAssert.None(ConfigValidator.Validate(TestConfigs.Valid()));
    }

    [Fact]
    public void TheConfigMdExampleGivesOnlyTheSm2NeedsSmSuitesError()
    {
        var file = ConfigReader.Parse(ConfigSamples.ConfigMdExample, "loadbalancer.json").File!;

        var errors = ConfigValidator.Validate(file.Config);

        // Its HTTPS listener holds an SM2 certificate under a system policy, which lists no SM suites.
        ErrorAssert.Has(errors, "Listener 'lsn-https' (LoadBalancer 'alb-local')", "SecurityPolicyId",
            "the SM2 certificate 'cert-www-sm2' needs a custom security policy that lists SM suites");
        Assert.Single(errors);
    }

    [Fact]
    public void SeveralErrorsInOneFileAreAllReported()
    {
        var config = TestConfigs.Valid()
            .WithHttps(l => l with { ListenerPort = 0, IdleTimeout = 61, SecurityPolicyId = "sp-nope" })
            .WithHttp(l => l with { Http2Enabled = true })
            .WithGroup("sgp-web", g => g with { Scheduler = "RoundRobin" });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "ListenerPort", "ListenerPort must be 1-65535");
        ErrorAssert.Has(errors, TestConfigs.Https, "IdleTimeout", "IdleTimeout must be 1-60");
        ErrorAssert.Has(errors, TestConfigs.Https, "SecurityPolicyId", "security policy 'sp-nope' does not exist");
        ErrorAssert.Has(errors, TestConfigs.Http, "Http2Enabled", "an HTTP listener takes no Http2Enabled");
        ErrorAssert.Has(errors, "ServerGroup 'sgp-web'", "Scheduler", "use Wrr, Wlc, Sch");
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void AFileWithoutListenersIsAnError()
    {
        var config = TestConfigs.Valid().WithAlb(i => i with { Listeners = [] });

        ErrorAssert.Has(ConfigValidator.Validate(config), "LoadBalancers", "", "the file declares no listener");
    }
}
