namespace LoadBalancer.Tls.ClientHello;

/// <summary>Numbers from the TLS/TLCP wire format that the ClientHello reader needs.</summary>
internal static class TlsWire
{
    public const byte HandshakeContentType = 0x16;
    public const byte ClientHelloType = 1;
    public const int RecordHeaderLength = 5;
    public const int HandshakeHeaderLength = 4;
    public const int MaxRecordFragment = 16384;
    public const int RandomLength = 32;
    public const int MaxSessionIdLength = 32;

    public const ushort TlcpVersion = 0x0101;
    public const ushort Tls13Version = 0x0304;

    public const ushort ServerNameExtension = 0;
    public const ushort SupportedGroupsExtension = 10;
    public const ushort SignatureAlgorithmsExtension = 13;
    public const ushort AlpnExtension = 16;
    public const ushort SupportedVersionsExtension = 43;

    public const byte HostNameType = 0;

    /// <summary>TLS 1.0-1.3 (0x03xx) or TLCP (0x0101).</summary>
    public static bool IsKnownVersion(ushort version) => (version >> 8) == 0x03 || version == TlcpVersion;

    /// <summary>RFC 8701 GREASE values: 0x0A0A, 0x1A1A, ... 0xFAFA.</summary>
    public static bool IsGrease(ushort value) => (value & 0x0F0F) == 0x0A0A && (value >> 8) == (value & 0xFF);
}
