using System.Text.Json.Serialization;

namespace LoadBalancer.Configuration.Model;

/// <summary>A server certificate: RSA/ECC (<see cref="CertificateFile"/> + <see cref="PrivateKeyFile"/>) or SM2 (the four Sign/Encrypt files).</summary>
public sealed record CertificateConfig
{
    public string? CertificateId { get; init; }
    public string? CertificateFile { get; init; }
    public string? PrivateKeyFile { get; init; }
    public string? SignCertificateFile { get; init; }
    public string? SignPrivateKeyFile { get; init; }
    public string? EncryptCertificateFile { get; init; }
    public string? EncryptPrivateKeyFile { get; init; }

    [JsonIgnore]
    public bool IsSm2 => SignCertificateFile is not null || SignPrivateKeyFile is not null
        || EncryptCertificateFile is not null || EncryptPrivateKeyFile is not null;
}
