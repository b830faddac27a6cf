namespace LoadBalancer.Certificates.Loading;

/// <summary>The public-key algorithm of a certificate or private key, as the loader distinguishes them.</summary>
internal enum KeyKind
{
    Rsa,
    Ec,
    Other,
}
