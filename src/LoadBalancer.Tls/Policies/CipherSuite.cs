namespace LoadBalancer.Tls.Policies;

/// <summary>
/// A cipher suite a security policy may list: the product's (OpenSSL's) name, its IANA code, the versions it works
/// under and the certificate it needs. <paramref name="Alias"/> is a second name the product accepts (Tongsuo's older
/// SM names).
/// </summary>
public sealed record CipherSuite(string Name, ushort Code, TlsVersions Versions, CipherAuthentication Authentication, string? Alias = null)
{
    /// <summary>An SM suite: TLCP only, never offered by standard TLS.</summary>
    public bool IsTlcp => Versions == TlsVersions.Tlcp;

    public bool WorksUnder(TlsVersions versions) => (Versions & versions) != TlsVersions.None;

    public override string ToString() => Name;
}
