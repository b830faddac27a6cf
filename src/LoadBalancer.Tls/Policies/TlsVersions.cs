namespace LoadBalancer.Tls.Policies;

/// <summary>Protocol versions, as a set: those a policy chooses, those a cipher suite works under.</summary>
[Flags]
public enum TlsVersions
{
    None = 0,
    Tls10 = 1,
    Tls11 = 2,
    Tls12 = 4,
    Tls13 = 8,

    /// <summary>TLCP (GB/T 38636, version 0x0101): the SM suites' only version; never in a policy's TLSVersions.</summary>
    Tlcp = 16,

    /// <summary>The versions where the SHA-1 CBC suites work.</summary>
    Tls10To12 = Tls10 | Tls11 | Tls12,
}
