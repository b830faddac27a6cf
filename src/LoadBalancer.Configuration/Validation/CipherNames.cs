namespace LoadBalancer.Configuration.Validation;

/// <summary>The cipher names a custom security policy may list (the product's names).</summary>
public static class CipherNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA384",
        "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA384",
        "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
        "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA",
        "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES256-SHA256",
        "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA",
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256",
        "ECC-SM2-SM4-CBC-SM3", "ECC-SM2-WITH-SM4-SM3", "ECC-SM2-SM4-GCM-SM3",
        "ECDHE-SM2-SM4-CBC-SM3", "ECDHE-SM2-WITH-SM4-SM3", "ECDHE-SM2-SM4-GCM-SM3",
    ];

    public static bool Contains(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
