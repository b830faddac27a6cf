namespace LoadBalancer.Tls.Policies;

/// <summary>
/// The product's built-in security policies (ListSystemSecurityPolicies), which need no entry in the file. Cipher
/// groups: A, the twelve ECDHE suites; B, the seven static RSA suites; C, the five TLS 1.3 suites.
/// </summary>
public static class SystemSecurityPolicies
{
    /// <summary>The policy of a listener that names none, as in the product.</summary>
    public const string DefaultId = "tls_cipher_policy_1_0";

    private static readonly string[] s_ecdhe =
    [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA384",
        "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA384",
        "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA",
    ];

    private static readonly string[] s_staticRsa =
        ["AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES256-SHA256", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA"];

    private static readonly string[] s_tls13 =
        ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"];

    public static IReadOnlyList<SecurityPolicyDefinition> All { get; } =
    [
        new(DefaultId, ["TLSv1.0", "TLSv1.1", "TLSv1.2"], [.. s_ecdhe, .. s_staticRsa]),
        new("tls_cipher_policy_1_1", ["TLSv1.1", "TLSv1.2"], [.. s_ecdhe, .. s_staticRsa]),
        new("tls_cipher_policy_1_2", ["TLSv1.2"], [.. s_ecdhe, .. s_staticRsa]),
        new("tls_cipher_policy_1_2_strict", ["TLSv1.2"], s_ecdhe),
        new("tls_cipher_policy_1_2_strict_with_1_3", ["TLSv1.2", "TLSv1.3"], [.. s_ecdhe, .. s_tls13]),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(p => p.Id)];

    /// <summary>The system policy of that id, compared case-insensitively.</summary>
    public static bool TryFind(string? id, out SecurityPolicyDefinition definition)
    {
        definition = All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))!;
        return definition is not null;
    }

    public static bool Contains(string? id) => TryFind(id, out _);
}
