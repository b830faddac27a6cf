using System.Net.Security;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Listeners.Quic;

/// <summary>
/// A security policy as a QUIC listener can enforce it, made once per snapshot. QUIC runs TLS 1.3 only (RFC 9001),
/// whatever older versions the policy lists. Of its TLS 1.3 suites, msquic takes AES-128-GCM, AES-256-GCM and
/// ChaCha20-Poly1305, as a set: System.Net.Quic turns the <see cref="CipherSuitesPolicy"/> into msquic's allowed-suite
/// flags, so the policy decides which of them are offered but not their order, and the CCM suites are never offered.
/// A policy without TLS 1.3 suites leaves the stack's three.
/// </summary>
internal sealed class QuicTlsOptions
{
    private static readonly HashSet<ushort> UsableCodes = [0x1301, 0x1302, 0x1303];

    private QuicTlsOptions(SecurityPolicy policy, IReadOnlyList<CipherSuite> suites, IReadOnlyList<CipherSuite> dropped)
    {
        Policy = policy;
        Suites = suites;
        Dropped = dropped;
        CipherSuites = suites.Count == 0 || OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(suites.Select(c => (TlsCipherSuite)c.Code));
    }

    public SecurityPolicy Policy { get; }

    /// <summary>The policy's TLS 1.3 suites QUIC offers, in the policy's order; empty: the stack's defaults.</summary>
    public IReadOnlyList<CipherSuite> Suites { get; }

    /// <summary>The policy's TLS 1.3 suites QUIC cannot offer (the CCM ones).</summary>
    public IReadOnlyList<CipherSuite> Dropped { get; }

    /// <summary>What System.Net.Quic restricts msquic to; null when the policy lists no TLS 1.3 suite QUIC can use.</summary>
    public CipherSuitesPolicy? CipherSuites { get; }

    /// <summary>The policy lists TLS 1.3 suites, and none of them works over QUIC.</summary>
    public bool LeavesNothing => Suites.Count == 0 && Dropped.Count > 0;

    public static QuicTlsOptions Create(SecurityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var tls13 = policy.TlsCiphers.Where(c => c.WorksUnder(TlsVersions.Tls13)).ToList();
        return new QuicTlsOptions(policy, [.. tls13.Where(c => UsableCodes.Contains(c.Code))], [.. tls13.Where(c => !UsableCodes.Contains(c.Code))]);
    }
}
