namespace LoadBalancer.Tls.Policies;

/// <summary>
/// Every cipher suite a security policy may name, in the product's order: the ECDHE suites (A), the static RSA
/// suites (B), the TLS 1.3 suites (C) and the SM suites of TLCP. TLS 1.0 and 1.1 take the seven SHA-1 suites,
/// TLS 1.2 every suite of A and B, TLS 1.3 the five of C.
/// </summary>
public static class CipherSuites
{
    private const TlsVersions Tls12 = TlsVersions.Tls12;
    private const TlsVersions Sha1Versions = TlsVersions.Tls10To12;
    private const TlsVersions Tls13 = TlsVersions.Tls13;

    public static IReadOnlyList<CipherSuite> All { get; } =
    [
        new("ECDHE-ECDSA-AES128-GCM-SHA256", 0xC02B, Tls12, CipherAuthentication.Ecdsa),
        new("ECDHE-ECDSA-AES256-GCM-SHA384", 0xC02C, Tls12, CipherAuthentication.Ecdsa),
        new("ECDHE-ECDSA-AES128-SHA256", 0xC023, Tls12, CipherAuthentication.Ecdsa),
        new("ECDHE-ECDSA-AES256-SHA384", 0xC024, Tls12, CipherAuthentication.Ecdsa),
        new("ECDHE-RSA-AES128-GCM-SHA256", 0xC02F, Tls12, CipherAuthentication.Rsa),
        new("ECDHE-RSA-AES256-GCM-SHA384", 0xC030, Tls12, CipherAuthentication.Rsa),
        new("ECDHE-RSA-AES128-SHA256", 0xC027, Tls12, CipherAuthentication.Rsa),
        new("ECDHE-RSA-AES256-SHA384", 0xC028, Tls12, CipherAuthentication.Rsa),
        new("ECDHE-ECDSA-AES128-SHA", 0xC009, Sha1Versions, CipherAuthentication.Ecdsa),
        new("ECDHE-ECDSA-AES256-SHA", 0xC00A, Sha1Versions, CipherAuthentication.Ecdsa),
        new("ECDHE-RSA-AES128-SHA", 0xC013, Sha1Versions, CipherAuthentication.Rsa),
        new("ECDHE-RSA-AES256-SHA", 0xC014, Sha1Versions, CipherAuthentication.Rsa),
        new("AES128-GCM-SHA256", 0x009C, Tls12, CipherAuthentication.Rsa),
        new("AES256-GCM-SHA384", 0x009D, Tls12, CipherAuthentication.Rsa),
        new("AES128-SHA256", 0x003C, Tls12, CipherAuthentication.Rsa),
        new("AES256-SHA256", 0x003D, Tls12, CipherAuthentication.Rsa),
        new("AES128-SHA", 0x002F, Sha1Versions, CipherAuthentication.Rsa),
        new("AES256-SHA", 0x0035, Sha1Versions, CipherAuthentication.Rsa),
        new("DES-CBC3-SHA", 0x000A, Sha1Versions, CipherAuthentication.Rsa),
        new("TLS_AES_128_GCM_SHA256", 0x1301, Tls13, CipherAuthentication.Any),
        new("TLS_AES_256_GCM_SHA384", 0x1302, Tls13, CipherAuthentication.Any),
        new("TLS_CHACHA20_POLY1305_SHA256", 0x1303, Tls13, CipherAuthentication.Any),
        new("TLS_AES_128_CCM_SHA256", 0x1304, Tls13, CipherAuthentication.Any),
        new("TLS_AES_128_CCM_8_SHA256", 0x1305, Tls13, CipherAuthentication.Any),
        new("ECC-SM2-SM4-CBC-SM3", 0xE013, TlsVersions.Tlcp, CipherAuthentication.Sm2, Alias: "ECC-SM2-WITH-SM4-SM3"),
        new("ECC-SM2-SM4-GCM-SM3", 0xE053, TlsVersions.Tlcp, CipherAuthentication.Sm2),
        new("ECDHE-SM2-SM4-CBC-SM3", 0xE011, TlsVersions.Tlcp, CipherAuthentication.Sm2, Alias: "ECDHE-SM2-WITH-SM4-SM3"),
        new("ECDHE-SM2-SM4-GCM-SM3", 0xE051, TlsVersions.Tlcp, CipherAuthentication.Sm2),
    ];

    /// <summary>Every accepted name, aliases included.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.SelectMany(c => c.Alias is null ? [c.Name] : new[] { c.Name, c.Alias })];

    /// <summary>The suite a name or alias stands for (case-sensitive, as the product's names are).</summary>
    public static bool TryFind(string? name, out CipherSuite suite)
    {
        suite = All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal) || string.Equals(c.Alias, name, StringComparison.Ordinal))!;
        return suite is not null;
    }
}
