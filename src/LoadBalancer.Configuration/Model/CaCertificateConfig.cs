namespace LoadBalancer.Configuration.Model;

/// <summary>A trust anchor for client certificates: one or more PEM certificates.</summary>
public sealed record CaCertificateConfig
{
    public string? CertificateId { get; init; }
    public string? CertificateFile { get; init; }

    /// <summary>
    /// Optional, beyond the product: a CRL (PEM <c>X509 CRL</c> or DER) signed by a certificate of this entry; client
    /// certificates it lists are refused.
    /// </summary>
    public string? CrlFile { get; init; }
}
