namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>The outcome of checking one client certificate: accepted, or the check that refused it, in words.</summary>
public sealed record ClientCertificateVerdict(bool Accepted, string Reason)
{
    public static ClientCertificateVerdict Accept() => new(true, "accepted");

    public static ClientCertificateVerdict Refuse(string reason) => new(false, reason);
}
