namespace LoadBalancer.Tls.ClientHello;

/// <summary>What a client can do, derived from the lists in its ClientHello.</summary>
internal static class ClientCapabilities
{
    private const ushort EcdsaSha1 = 0x0203;
    private const ushort EcdsaSecp256r1Sha256 = 0x0403;
    private const ushort EcdsaSecp384r1Sha384 = 0x0503;
    private const ushort EcdsaSecp521r1Sha512 = 0x0603;

    /// <summary>The highest real version in supported_versions (GREASE and unknown values ignored), else client_version.</summary>
    public static ushort MaxVersion(IReadOnlyList<ushort> supportedVersions, ushort legacyVersion)
    {
        var max = 0;
        for (var i = 0; i < supportedVersions.Count; i++)
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
    public static bool SupportsEcdsa(bool offersTls13, IReadOnlyList<ushort> cipherSuites, IReadOnlyList<ushort>? signatureAlgorithms)
    {
        if (offersTls13 && signatureAlgorithms is not null && HasTls13EcdsaScheme(signatureAlgorithms))
        {
            return true;
        }

        return HasEcdheEcdsaSuite(cipherSuites)
            && (signatureAlgorithms is null || HasTls13EcdsaScheme(signatureAlgorithms) || Contains(signatureAlgorithms, EcdsaSha1));
    }

    public static bool Contains(IReadOnlyList<ushort> values, ushort value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTls13EcdsaScheme(IReadOnlyList<ushort> schemes)
    {
        for (var i = 0; i < schemes.Count; i++)
        {
            if (schemes[i] is EcdsaSecp256r1Sha256 or EcdsaSecp384r1Sha384 or EcdsaSecp521r1Sha512)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasEcdheEcdsaSuite(IReadOnlyList<ushort> cipherSuites)
    {
        for (var i = 0; i < cipherSuites.Count; i++)
        {
            if (CipherSuiteFacts.IsEcdheEcdsa(cipherSuites[i]))
            {
                return true;
            }
        }

        return false;
    }
}
