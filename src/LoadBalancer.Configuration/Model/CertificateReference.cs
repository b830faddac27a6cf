namespace LoadBalancer.Configuration.Model;

/// <summary>ALB's <c>{ "CertificateId": "..." }</c> reference to a Certificates or CaCertificates entry.</summary>
public sealed record CertificateReference
{
    public string? CertificateId { get; init; }
}
