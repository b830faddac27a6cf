namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>
/// The product's published table, written out here independently of the code under test: what a scanner must see.
/// A: the ECDHE suites; B: the static RSA suites; C: the TLS 1.3 suites.
/// </summary>
internal static class ProductPolicyTable
{
    public static readonly string[] A =
    [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA384",
        "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA384",
        "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA",
    ];

    public static readonly string[] B = ["AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES256-SHA256", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA"];

    public static readonly string[] C = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"];

    /// <summary>The seven suites TLS 1.0 and 1.1 take (TLS 1.2 takes them too).</summary>
    public static readonly string[] Sha1 =
        ["ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA"];

    /// <summary>A custom policy that reorders across groups, leaves a hole in the versions and lists what is never offered.</summary>
    public static readonly ExpectedPolicy Custom = new(
        "sp-custom",
        ["TLSv1.0", "TLSv1.2", "TLSv1.3"],
        [
            "TLS_AES_128_CCM_8_SHA256", "AES256-SHA", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA", "DES-CBC3-SHA",
            "TLS_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECC-SM2-WITH-SM4-SM3", "AES128-SHA256",
        ]);

    public static readonly ExpectedPolicy[] System =
    [
        new("tls_cipher_policy_1_0", ["TLSv1.0", "TLSv1.1", "TLSv1.2"], [.. A, .. B]),
        new("tls_cipher_policy_1_1", ["TLSv1.1", "TLSv1.2"], [.. A, .. B]),
        new("tls_cipher_policy_1_2", ["TLSv1.2"], [.. A, .. B]),
        new("tls_cipher_policy_1_2_strict", ["TLSv1.2"], A),
        new("tls_cipher_policy_1_2_strict_with_1_3", ["TLSv1.2", "TLSv1.3"], [.. A, .. C]),
    ];

    public static readonly string[] Versions = ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

    /// <summary>Every TLS cipher of the product (SM suites are TLCP's and never offered by TLS).</summary>
    public static IEnumerable<string> AllTlsCiphers => [.. A, .. B, .. C];

    /// <summary>The versions a cipher works under.</summary>
    public static IReadOnlyList<string> VersionsOf(string cipher) =>
        C.Contains(cipher) ? ["TLSv1.3"] : Sha1.Contains(cipher) ? ["TLSv1.0", "TLSv1.1", "TLSv1.2"] : A.Contains(cipher) || B.Contains(cipher) ? ["TLSv1.2"] : [];
}
