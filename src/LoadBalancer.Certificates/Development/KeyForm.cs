namespace LoadBalancer.Certificates.Development;

/// <summary>How a private key file is written: PKCS#8 (<c>PRIVATE KEY</c>) or the algorithm's own form (<c>RSA PRIVATE KEY</c>, <c>EC PRIVATE KEY</c>).</summary>
internal enum KeyForm
{
    Pkcs8,
    Traditional,
}
