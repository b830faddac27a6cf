namespace LoadBalancer.Configuration.Validation;

/// <summary>The built-in security policies of the product; they need no entry in SecurityPolicies.</summary>
public static class SystemSecurityPolicies
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "tls_cipher_policy_1_0",
        "tls_cipher_policy_1_1",
        "tls_cipher_policy_1_2",
        "tls_cipher_policy_1_2_strict",
        "tls_cipher_policy_1_2_strict_with_1_3",
    ];

    public static bool Contains(string? id) => id is not null && Names.Contains(id, StringComparer.OrdinalIgnoreCase);
}
