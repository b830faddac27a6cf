namespace LoadBalancer.Tlcp;

/// <summary>Facts and names of <see cref="TlcpCipherSuite"/>: Tongsuo's OpenSSL-style names, as security policies list them.</summary>
public static class TlcpCipherSuites
{
    /// <summary>Every suite, ECC before ECDHE, GCM before CBC.</summary>
    public static IReadOnlyList<TlcpCipherSuite> All { get; } =
    [
        TlcpCipherSuite.EccSm4GcmSm3, TlcpCipherSuite.EccSm4CbcSm3, TlcpCipherSuite.EcdheSm4GcmSm3, TlcpCipherSuite.EcdheSm4CbcSm3,
    ];

    private static readonly Dictionary<string, TlcpCipherSuite> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ECC-SM2-SM4-CBC-SM3"] = TlcpCipherSuite.EccSm4CbcSm3,
        ["ECC-SM2-WITH-SM4-SM3"] = TlcpCipherSuite.EccSm4CbcSm3,
        ["ECC-SM2-SM4-GCM-SM3"] = TlcpCipherSuite.EccSm4GcmSm3,
        ["ECDHE-SM2-SM4-CBC-SM3"] = TlcpCipherSuite.EcdheSm4CbcSm3,
        ["ECDHE-SM2-WITH-SM4-SM3"] = TlcpCipherSuite.EcdheSm4CbcSm3,
        ["ECDHE-SM2-SM4-GCM-SM3"] = TlcpCipherSuite.EcdheSm4GcmSm3,
    };

    /// <summary>Tongsuo's name of the suite (for logs and policies).</summary>
    public static string Name(TlcpCipherSuite suite) => suite switch
    {
        TlcpCipherSuite.EccSm4CbcSm3 => "ECC-SM2-SM4-CBC-SM3",
        TlcpCipherSuite.EccSm4GcmSm3 => "ECC-SM2-SM4-GCM-SM3",
        TlcpCipherSuite.EcdheSm4CbcSm3 => "ECDHE-SM2-SM4-CBC-SM3",
        TlcpCipherSuite.EcdheSm4GcmSm3 => "ECDHE-SM2-SM4-GCM-SM3",
        _ => $"0x{(ushort)suite:X4}",
    };

    /// <summary>Reads a Tongsuo suite name or alias (<c>ECC-SM2-WITH-SM4-SM3</c>, <c>ECDHE-SM2-WITH-SM4-SM3</c>), case-insensitively.</summary>
    public static bool TryParse(string name, out TlcpCipherSuite suite) => ByName.TryGetValue(name, out suite);

    /// <summary>ECDHE suites need client signing and encryption certificates.</summary>
    public static bool IsEcdhe(TlcpCipherSuite suite) =>
        suite is TlcpCipherSuite.EcdheSm4CbcSm3 or TlcpCipherSuite.EcdheSm4GcmSm3;

    /// <summary>GCM suites (AEAD records), as opposed to CBC with HMAC-SM3.</summary>
    public static bool IsGcm(TlcpCipherSuite suite) =>
        suite is TlcpCipherSuite.EccSm4GcmSm3 or TlcpCipherSuite.EcdheSm4GcmSm3;

    /// <summary>Whether the id is one of the four suites.</summary>
    public static bool IsKnown(ushort id) => Enum.IsDefined((TlcpCipherSuite)id);
}
