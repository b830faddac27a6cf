namespace LoadBalancer.Certificates;

public enum CertificateKeyAlgorithm
{
    Rsa,
    Ecdsa,
    Sm2,
}
