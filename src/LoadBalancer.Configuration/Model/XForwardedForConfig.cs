namespace LoadBalancer.Configuration.Model;

/// <summary>ALB's XForwardedForConfig: which forwarding headers the backend receives.</summary>
public sealed record XForwardedForConfig
{
    /// <summary><c>X-Forwarded-For</c>: the client address appended to the chain (default true).</summary>
    public bool XForwardedForEnabled { get; init; } = true;

    /// <summary><c>X-Forwarded-Proto</c>: http or https.</summary>
    public bool XForwardedForProtoEnabled { get; init; }

    /// <summary><c>X-Forwarded-Port</c>: the listener port.</summary>
    public bool XForwardedForSLBPortEnabled { get; init; }

    /// <summary><c>SLB-ID</c>: the load balancer instance id.</summary>
    public bool XForwardedForSLBIdEnabled { get; init; }

    /// <summary><c>X-Forwarded-Client-srcport</c>: the client's source port.</summary>
    public bool XForwardedForClientSrcPortEnabled { get; init; }

    /// <summary><c>X-Forwarded-Clientcert-subjectdn</c>: the client certificate's subject (mutual TLS).</summary>
    public bool XForwardedForClientCertSubjectDNEnabled { get; init; }

    public string? XForwardedForClientCertSubjectDNAlias { get; init; }

    /// <summary><c>X-Forwarded-Clientcert-issuerdn</c>: the client certificate's issuer (mutual TLS).</summary>
    public bool XForwardedForClientCertIssuerDNEnabled { get; init; }

    public string? XForwardedForClientCertIssuerDNAlias { get; init; }

    /// <summary><c>X-Forwarded-Clientcert-fingerprint</c>: the client certificate's fingerprint (mutual TLS).</summary>
    public bool XForwardedForClientCertFingerprintEnabled { get; init; }

    public string? XForwardedForClientCertFingerprintAlias { get; init; }

    /// <summary><c>X-Forwarded-Clientcert-clientverify</c>: the result of verifying the client certificate (mutual TLS).</summary>
    public bool XForwardedForClientCertClientVerifyEnabled { get; init; }

    public string? XForwardedForClientCertClientVerifyAlias { get; init; }
}
