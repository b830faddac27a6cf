using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// Structural validation of a listener file: runs every validator and returns all problems together, each naming
/// the resource, the field and the fix. Files are not opened here; the certificate loader reports their problems.
/// </summary>
public static class ConfigValidator
{
    private static readonly IConfigValidator[] s_validators =
    [
        new IdValidator(),
        new CertificateValidator(),
        new CaCertificateValidator(),
        new SecurityPolicyValidator(),
        new ServerGroupValidator(),
        new DemoBackendValidator(),
        new LoadBalancerValidator(),
        new ListenerPortValidator(),
        new ListenerProtocolValidator(),
        new ProductFieldValidator(),
        new HttpListenerValidator(),
        new HttpsCertificateValidator(),
        new QuicListenerValidator(),
        new TcpListenerValidator(),
        new TcpSslCertificateValidator(),
        new NlbServerGroupValidator(),
        new NlbFeatureValidator(),
        new ListenerSecurityPolicyValidator(),
        new Sm2ListenerPolicyValidator(),
        new AdditionalCertificateLimitValidator(),
        new MutualTlsValidator(),
        new ListenerTimeoutValidator(),
        new DefaultActionsValidator(),
        new RuleValidator(),
        new XForwardedForValidator(),
        new ClientCertificateHeaderAliasValidator(),
        new QuicConfigValidator(),
    ];

    public static IReadOnlyList<ConfigError> Validate(LoadBalancerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var context = new ValidationContext(config);
        foreach (var validator in s_validators)
        {
            validator.Validate(context);
        }

        return context.Errors;
    }
}
