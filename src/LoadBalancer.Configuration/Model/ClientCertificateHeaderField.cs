namespace LoadBalancer.Configuration.Model;

/// <summary>
/// One of ALB's four client-certificate headers: its <see cref="XForwardedForConfig"/> switch and alias, and the
/// header name used when no alias is given. Validation and the forwarding code share these definitions.
/// </summary>
public sealed class ClientCertificateHeaderField
{
    private readonly Func<XForwardedForConfig, bool> _isEnabled;
    private readonly Func<XForwardedForConfig, string?> _alias;

    private ClientCertificateHeaderField(string aliasField, string defaultName, Func<XForwardedForConfig, bool> isEnabled, Func<XForwardedForConfig, string?> alias)
    {
        AliasField = aliasField;
        DefaultName = defaultName;
        _isEnabled = isEnabled;
        _alias = alias;
    }

    public static ClientCertificateHeaderField SubjectDN { get; } = new(
        nameof(XForwardedForConfig.XForwardedForClientCertSubjectDNAlias), "X-Forwarded-Clientcert-subjectdn",
        c => c.XForwardedForClientCertSubjectDNEnabled, c => c.XForwardedForClientCertSubjectDNAlias);

    public static ClientCertificateHeaderField IssuerDN { get; } = new(
        nameof(XForwardedForConfig.XForwardedForClientCertIssuerDNAlias), "X-Forwarded-Clientcert-issuerdn",
        c => c.XForwardedForClientCertIssuerDNEnabled, c => c.XForwardedForClientCertIssuerDNAlias);

    public static ClientCertificateHeaderField Fingerprint { get; } = new(
        nameof(XForwardedForConfig.XForwardedForClientCertFingerprintAlias), "X-Forwarded-Clientcert-fingerprint",
        c => c.XForwardedForClientCertFingerprintEnabled, c => c.XForwardedForClientCertFingerprintAlias);

    public static ClientCertificateHeaderField ClientVerify { get; } = new(
        nameof(XForwardedForConfig.XForwardedForClientCertClientVerifyAlias), "X-Forwarded-Clientcert-clientverify",
        c => c.XForwardedForClientCertClientVerifyEnabled, c => c.XForwardedForClientCertClientVerifyAlias);

    public static IReadOnlyList<ClientCertificateHeaderField> All { get; } = [SubjectDN, IssuerDN, Fingerprint, ClientVerify];

    /// <summary>The XForwardedForConfig field holding the alias, e.g. <c>XForwardedForClientCertSubjectDNAlias</c>.</summary>
    public string AliasField { get; }

    /// <summary>The header name ALB uses when no alias is given.</summary>
    public string DefaultName { get; }

    public bool IsEnabled(XForwardedForConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return _isEnabled(config);
    }

    /// <summary>The alias as given, or null.</summary>
    public string? Alias(XForwardedForConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return _alias(config);
    }

    /// <summary>The header name sent to the backend: the alias when one is given, else <see cref="DefaultName"/>.</summary>
    public string NameIn(XForwardedForConfig config) => string.IsNullOrEmpty(Alias(config)) ? DefaultName : Alias(config)!;
}
