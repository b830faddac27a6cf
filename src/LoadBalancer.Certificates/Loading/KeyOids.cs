namespace LoadBalancer.Certificates.Loading;

/// <summary>Object identifiers of the key algorithms and curves the loader names.</summary>
internal static class KeyOids
{
    public const string Rsa = "1.2.840.113549.1.1.1";
    public const string Ec = "1.2.840.10045.2.1";
    public const string P256 = "1.2.840.10045.3.1.7";
    public const string P384 = "1.3.132.0.34";
    public const string P521 = "1.3.132.0.35";

    public static KeyKind KindOf(string? oid) => oid switch
    {
        Rsa => KeyKind.Rsa,
        Ec => KeyKind.Ec,
        _ => KeyKind.Other,
    };

    public static string Describe(string? oid) => oid switch
    {
        Rsa => "RSA",
        Ec => "ECC",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.2.840.10040.4.1" => "DSA",
        null => "unknown",
        _ => $"OID {oid}",
    };

    public static bool IsSupportedCurve(string? oid) => oid is P256 or P384 or P521;
}
