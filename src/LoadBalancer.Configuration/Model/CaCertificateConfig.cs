namespace LoadBalancer.Configuration.Model;

/// <summary>A trust anchor for client certificates: one or more PEM certificates.</summary>
public sealed record CaCertificateConfig
{
    public string? CertificateId { get; init; }
    public string? CertificateFile { get; init; }
}
