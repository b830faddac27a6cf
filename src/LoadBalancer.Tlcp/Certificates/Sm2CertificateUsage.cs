namespace LoadBalancer.Tlcp.Certificates;

/// <summary>What an SM2 leaf certificate is for.</summary>
public enum Sm2CertificateUsage
{
    /// <summary>keyUsage digitalSignature (and nonRepudiation).</summary>
    Sign,

    /// <summary>keyUsage keyEncipherment, dataEncipherment, keyAgreement.</summary>
    Encrypt,
}
