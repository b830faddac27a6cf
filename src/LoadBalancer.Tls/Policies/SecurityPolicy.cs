using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Tls.Policies;

/// <summary>
/// A security policy resolved for serving, once per configuration snapshot: the versions and ciphers as listed (the
/// SM suites included, for TLCP), and what standard TLS offers from them on this build: each listed cipher that
/// the TLS stack has, under the chosen versions it works under, in the listed order. Immutable.
/// </summary>
public sealed class SecurityPolicy
{
    private readonly HashSet<ushort> _ecdsaSuitesTls12;
    private readonly HashSet<ushort> _ecdsaSuitesTls10And11;

    private SecurityPolicy(SecurityPolicyDefinition definition, bool isSystem, List<CipherSuite> ciphers, TlsVersions chosen, Func<CipherSuite, bool> isAvailable)
    {
        Id = definition.Id;
        IsSystem = isSystem;
        VersionNames = definition.TlsVersions;
        ChosenVersions = chosen;
        Ciphers = ciphers;
        TlcpCiphers = [.. ciphers.Where(c => c.IsTlcp)];
        Unavailable = [.. ciphers.Where(c => !c.IsTlcp && !isAvailable(c))];
        TlsCiphers = [.. ciphers.Where(c => !c.IsTlcp && isAvailable(c) && c.WorksUnder(chosen))];
        OfferedVersions = TlsCiphers.Aggregate(TlsVersions.None, (versions, c) => versions | (c.Versions & chosen));
        var ecdsa = TlsCiphers.Where(c => c.Authentication == CipherAuthentication.Ecdsa).ToList();
        _ecdsaSuitesTls12 = [.. ecdsa.Where(c => c.WorksUnder(TlsVersions.Tls12)).Select(c => c.Code)];
        _ecdsaSuitesTls10And11 = [.. ecdsa.Where(c => c.WorksUnder(TlsVersions.Tls10 | TlsVersions.Tls11)).Select(c => c.Code)];
    }

    public string Id { get; }

    /// <summary>One of the product's built-in policies.</summary>
    public bool IsSystem { get; }

    /// <summary>TLSVersions as listed (<c>TLSv1.2</c>, ...).</summary>
    public IReadOnlyList<string> VersionNames { get; }

    public TlsVersions ChosenVersions { get; }

    /// <summary>Every listed cipher in the listed order, SM suites and ciphers this build lacks included.</summary>
    public IReadOnlyList<CipherSuite> Ciphers { get; }

    /// <summary>What standard TLS offers, in server preference order.</summary>
    public IReadOnlyList<CipherSuite> TlsCiphers { get; }

    /// <summary>The SM suites, in the listed order, for TLCP.</summary>
    public IReadOnlyList<CipherSuite> TlcpCiphers { get; }

    /// <summary>Listed TLS ciphers the TLS stack of this build does not have (DES-CBC3-SHA on OpenSSL without 3DES).</summary>
    public IReadOnlyList<CipherSuite> Unavailable { get; }

    /// <summary>The chosen versions that keep at least one offered cipher: what standard TLS offers.</summary>
    public TlsVersions OfferedVersions { get; }

    /// <summary>An ECDSA certificate can complete a handshake: TLS 1.3 is offered, or an ECDHE-ECDSA suite.</summary>
    public bool ServesEcdsaCertificates => OfferedVersions.HasFlag(TlsVersions.Tls13) || _ecdsaSuitesTls12.Count + _ecdsaSuitesTls10And11.Count > 0;

    /// <summary>An RSA certificate can complete a handshake: TLS 1.3 is offered, or an ECDHE-RSA or static RSA suite.</summary>
    public bool ServesRsaCertificates => OfferedVersions.HasFlag(TlsVersions.Tls13) || TlsCiphers.Any(c => c.Authentication == CipherAuthentication.Rsa);

    /// <summary>Resolves a validated definition; names it does not know are skipped (validation reports them).</summary>
    public static SecurityPolicy Create(SecurityPolicyDefinition definition, bool isSystem, Func<CipherSuite, bool> isAvailable)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(isAvailable);
        var chosen = TlsVersions.None;
        foreach (var name in definition.TlsVersions)
        {
            chosen |= TlsVersionNames.TryParse(name, out var version) ? version : TlsVersions.None;
        }

        var ciphers = new List<CipherSuite>();
        foreach (var name in definition.Ciphers)
        {
            if (CipherSuites.TryFind(name, out var suite) && !ciphers.Contains(suite))
            {
                ciphers.Add(suite);
            }
        }

        return new SecurityPolicy(definition, isSystem, ciphers, chosen, isAvailable);
    }

    /// <summary>
    /// Whether this client can complete a handshake with an ECDSA certificate under this policy: at the version the
    /// two would agree on, TLS 1.3 with an ECDSA signature scheme, or an ECDHE-ECDSA suite both offer (and ECDSA
    /// signatures when the client lists signature algorithms). With no common version, the client's own answer.
    /// </summary>
    public bool ClientCanUseEcdsa(ClientHelloInfo hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var version = AgreedVersion(hello);
        var signatureAlgorithms = ClientCapabilities.AsSpan(hello.SignatureAlgorithms);
        return version switch
        {
            TlsVersions.None => hello.SupportsEcdsa,
            TlsVersions.Tls13 => ClientCapabilities.HasTls13EcdsaScheme(signatureAlgorithms),
            _ => OffersAnyOf(hello.CipherSuites, version == TlsVersions.Tls12 ? _ecdsaSuitesTls12 : _ecdsaSuitesTls10And11)
                && ClientCapabilities.AcceptsEcdsaSignatures(signatureAlgorithms, hello.HasSignatureAlgorithms),
        };
    }

    /// <summary>Same versions and the same ciphers in the same order (what a reload compares).</summary>
    public bool OffersTheSameAs(SecurityPolicy other) =>
        other is not null && ChosenVersions == other.ChosenVersions && Ciphers.SequenceEqual(other.Ciphers);

    /// <summary>The version a handshake with this client will settle on: the highest both offer; None when they share none.</summary>
    public TlsVersions AgreedVersion(ClientHelloInfo hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var common = ClientVersions(hello) & OfferedVersions;
        for (var version = TlsVersions.Tls13; version != TlsVersions.None; version = (TlsVersions)((int)version >> 1))
        {
            if (common.HasFlag(version))
            {
                return version;
            }
        }

        return TlsVersions.None;
    }

    /// <summary>supported_versions when sent, else every version up to client_version.</summary>
    private static TlsVersions ClientVersions(ClientHelloInfo hello)
    {
        var versions = TlsVersions.None;
        foreach (var wire in hello.SupportedVersions)
        {
            versions |= TlsVersionNames.FromWire(wire);
        }

        if (versions != TlsVersions.None)
        {
            return versions;
        }

        for (var wire = (ushort)0x0301; wire <= Math.Min(hello.LegacyVersion, (ushort)0x0303); wire++)
        {
            versions |= TlsVersionNames.FromWire(wire);
        }

        return versions;
    }

    private static bool OffersAnyOf(IReadOnlyList<ushort> clientSuites, HashSet<ushort> suites)
    {
        for (var i = 0; i < clientSuites.Count; i++)
        {
            if (suites.Contains(clientSuites[i]))
            {
                return true;
            }
        }

        return false;
    }
}
