namespace LoadBalancer.Tls.ClientHello;

/// <summary>What a client can do, derived from the lists in its ClientHello.</summary>
internal static class ClientCapabilities
{
    private const ushort EcdsaSha1 = 0x0203;
    private const ushort EcdsaSecp256r1Sha256 = 0x0403;
    private const ushort EcdsaSecp384r1Sha384 = 0x0503;
    private const ushort EcdsaSecp521r1Sha512 = 0x0603;

    /// <summary>The highest real version in supported_versions (GREASE and unknown values ignored), else client_version.</summary>
    public static ushort MaxVersion(ReadOnlySpan<ushort> supportedVersions, ushort legacyVersion)
    {
        var max = 0;
        for (var i = 0; i < supportedVersions.Length; i++)
        {
            var version = supportedVersions[i];
            if (TlsWire.IsKnownVersion(version) && version > max)
            {
                max = version;
            }
        }

        return max == 0 ? legacyVersion : (ushort)max;
    }

    /// <summary>
    /// TLS 1.3 with an ECDSA signature scheme; or, for TLS 1.2 and lower, an ECDHE_ECDSA suite and signature_algorithms
    /// either absent or listing an ECDSA scheme.
    /// </summary>
    public static bool SupportsEcdsa(
        bool offersTls13, ReadOnlySpan<ushort> cipherSuites, ReadOnlySpan<ushort> signatureAlgorithms, bool hasSignatureAlgorithms)
    {
        if (offersTls13 && HasTls13EcdsaScheme(signatureAlgorithms))
        {
            return true;
        }

        return HasEcdheEcdsaSuite(cipherSuites) && AcceptsEcdsaSignatures(signatureAlgorithms, hasSignatureAlgorithms);
    }

    /// <summary>No signature_algorithms (TLS 1.0/1.1 clients), or one that lists an ECDSA scheme, SHA-1 included.</summary>
    public static bool AcceptsEcdsaSignatures(ReadOnlySpan<ushort> signatureAlgorithms, bool hasSignatureAlgorithms) =>
        !hasSignatureAlgorithms || HasTls13EcdsaScheme(signatureAlgorithms) || signatureAlgorithms.Contains(EcdsaSha1);

    /// <summary>The list's elements as a span, without copying when it is an array (as the parser makes them).</summary>
    public static ReadOnlySpan<ushort> AsSpan(IReadOnlyList<ushort> list) => list as ushort[] ?? [.. list];

    public static bool HasTls13EcdsaScheme(ReadOnlySpan<ushort> schemes) =>
        schemes.ContainsAny(EcdsaSecp256r1Sha256, EcdsaSecp384r1Sha384, EcdsaSecp521r1Sha512);

    private static bool HasEcdheEcdsaSuite(ReadOnlySpan<ushort> cipherSuites)
    {
        for (var i = 0; i < cipherSuites.Length; i++)
        {
            if (CipherSuiteFacts.IsEcdheEcdsa(cipherSuites[i]))
            {
                return true;
            }
        }

        return false;
    }
}
