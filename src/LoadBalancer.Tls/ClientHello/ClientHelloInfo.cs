namespace LoadBalancer.Tls.ClientHello;

/// <summary>The facts of a ClientHello that listener, certificate and policy selection need. Immutable.</summary>
public sealed class ClientHelloInfo
{
    /// <param name="recordVersion">Version field of the first record.</param>
    /// <param name="legacyVersion">client_version of the ClientHello body.</param>
    /// <param name="supportedVersions">Extension 43, empty when absent.</param>
    /// <param name="cipherSuites">The cipher suites, as sent.</param>
    /// <param name="signatureAlgorithms">Extension 13, null when absent.</param>
    /// <param name="supportedGroups">Extension 10, empty when absent.</param>
    /// <param name="serverName">Extension 0, the first host_name, null when absent.</param>
    /// <param name="applicationProtocols">Extension 16 (ALPN), empty when absent.</param>
    /// <param name="recordBytes">How many bytes the ClientHello record(s) occupy.</param>
    public ClientHelloInfo(
        ushort recordVersion,
        ushort legacyVersion,
        IReadOnlyList<ushort> supportedVersions,
        IReadOnlyList<ushort> cipherSuites,
        IReadOnlyList<ushort>? signatureAlgorithms,
        IReadOnlyList<ushort> supportedGroups,
        string? serverName,
        IReadOnlyList<string> applicationProtocols,
        int recordBytes)
    {
        ArgumentNullException.ThrowIfNull(supportedVersions);
        ArgumentNullException.ThrowIfNull(cipherSuites);
        ArgumentNullException.ThrowIfNull(supportedGroups);
        ArgumentNullException.ThrowIfNull(applicationProtocols);
        RecordVersion = recordVersion;
        LegacyVersion = legacyVersion;
        IsTlcp = recordVersion == TlsWire.TlcpVersion || legacyVersion == TlsWire.TlcpVersion;
        SupportedVersions = supportedVersions;
        var versions = ClientCapabilities.AsSpan(supportedVersions);
        MaxVersion = ClientCapabilities.MaxVersion(versions, legacyVersion);
        OffersTls13 = versions.Contains(TlsWire.Tls13Version);
        CipherSuites = cipherSuites;
        HasSignatureAlgorithms = signatureAlgorithms is not null;
        SignatureAlgorithms = signatureAlgorithms ?? [];
        SupportedGroups = supportedGroups;
        ServerName = serverName;
        ApplicationProtocols = applicationProtocols;
        RecordBytes = recordBytes;
        SupportsEcdsa = ClientCapabilities.SupportsEcdsa(
            OffersTls13, ClientCapabilities.AsSpan(cipherSuites), ClientCapabilities.AsSpan(SignatureAlgorithms), HasSignatureAlgorithms);
    }

    /// <summary>Version field of the first record (0x0301.. for TLS, 0x0101 for TLCP).</summary>
    public ushort RecordVersion { get; }

    /// <summary>client_version in the ClientHello body.</summary>
    public ushort LegacyVersion { get; }

    /// <summary>Record version or client_version is 0x0101.</summary>
    public bool IsTlcp { get; }

    /// <summary>Extension 43 as sent (GREASE included); empty when absent.</summary>
    public IReadOnlyList<ushort> SupportedVersions { get; }

    /// <summary>Highest version offered: the highest TLS/TLCP value of SupportedVersions (GREASE ignored), else LegacyVersion.</summary>
    public ushort MaxVersion { get; }

    /// <summary>SupportedVersions contains 0x0304.</summary>
    public bool OffersTls13 { get; }

    /// <summary>The cipher suites as sent (GREASE and signalling values included).</summary>
    public IReadOnlyList<ushort> CipherSuites { get; }

    /// <summary>Extension 13; empty when absent.</summary>
    public IReadOnlyList<ushort> SignatureAlgorithms { get; }

    /// <summary>Whether extension 13 was sent.</summary>
    public bool HasSignatureAlgorithms { get; }

    /// <summary>Extension 10; empty when absent.</summary>
    public IReadOnlyList<ushort> SupportedGroups { get; }

    /// <summary>Extension 0: the first host_name entry exactly as sent (printable ASCII); null when absent.</summary>
    public string? ServerName { get; }

    /// <summary>Extension 16 (ALPN) protocol names, one char per byte; empty when absent.</summary>
    public IReadOnlyList<string> ApplicationProtocols { get; }

    /// <summary>How many bytes of the buffer the ClientHello record(s) occupy, record headers included.</summary>
    public int RecordBytes { get; }

    /// <summary>The client can verify an ECDSA server certificate with what it offers (computed once).</summary>
    public bool SupportsEcdsa { get; }
}
