using System.Net.Security;
using System.Security.Authentication;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Listeners;

/// <summary>
/// A security policy as SslStream enforces it, made once per snapshot and shared by the listener's certificates:
/// exactly the offered versions (<see cref="SslProtocols"/>) and ciphers in the policy's order
/// (<see cref="CipherSuitesPolicy"/>; .NET's OpenSSL contexts use the server's preference). A policy with TLS 1.0
/// or 1.1 also needs OpenSSL's security level 0 (their handshakes sign with SHA-1): .NET sets it on the contexts of
/// a handshake whose EncryptionPolicy is not RequireEncryption, and with a CipherSuitesPolicy the cipher list stays
/// exactly the policy's (no NULL cipher is added), so only those listeners run at level 0. While
/// <see cref="OpenSslPolicyHook"/> is active, the ciphers and the level are set inside OpenSSL per connection instead
/// (<see cref="Native"/>), so that .NET reuses one OpenSSL context per certificate.
/// </summary>
internal sealed class PolicyTlsOptions
{
    private PolicyTlsOptions(SecurityPolicy policy, SslProtocols protocols, CipherSuitesPolicy? cipherSuites)
    {
        Policy = policy;
        Protocols = protocols;
        CipherSuites = cipherSuites;
        var tls12 = policy.TlsCiphers.Where(c => !c.WorksUnder(TlsVersions.Tls13)).Select(c => c.Name).ToList();
        var tls13 = policy.TlsCiphers.Where(c => c.WorksUnder(TlsVersions.Tls13)).Select(c => c.Name);
        Native = new OpenSslPolicyHook.NativePolicy(tls12.Count == 0 ? null : string.Join(':', tls12), string.Join(':', tls13), NeedsSecurityLevelZero);
    }

    public SecurityPolicy Policy { get; }

    public SslProtocols Protocols { get; }

    public CipherSuitesPolicy? CipherSuites { get; }

    /// <summary>The same policy as <see cref="OpenSslPolicyHook"/> sets it on a connection.</summary>
    public OpenSslPolicyHook.NativePolicy Native { get; }

    /// <summary>TLS 1.0 or 1.1 is offered: this listener's contexts run at OpenSSL security level 0.</summary>
    public bool NeedsSecurityLevelZero => Policy.OfferedVersions.HasFlag(TlsVersions.Tls10) || Policy.OfferedVersions.HasFlag(TlsVersions.Tls11);

    public static PolicyTlsOptions Create(SecurityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var suites = policy.TlsCiphers.Select(c => (TlsCipherSuite)c.Code);
        var cipherSuites = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(suites);
        return new PolicyTlsOptions(policy, ProtocolsOf(policy.OfferedVersions), cipherSuites);
    }

    /// <summary>
    /// The versions always; the ciphers and security level here only when <paramref name="inOpenSsl"/> is false
    /// (otherwise <see cref="Native"/> sets them per connection, and no CipherSuitesPolicy lets .NET reuse contexts).
    /// </summary>
    public void ApplyTo(SslServerAuthenticationOptions options, bool inOpenSsl)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnabledSslProtocols = Protocols;
        if (inOpenSsl)
        {
            options.CipherSuitesPolicy = null;
            options.EncryptionPolicy = EncryptionPolicy.RequireEncryption;
            return;
        }

        options.CipherSuitesPolicy = CipherSuites;
#pragma warning disable SYSLIB0040 // the only per-context way to OpenSSL security level 0; the cipher list stays the policy's
        options.EncryptionPolicy = NeedsSecurityLevelZero ? EncryptionPolicy.AllowNoEncryption : EncryptionPolicy.RequireEncryption;
#pragma warning restore SYSLIB0040
    }

#pragma warning disable SYSLIB0039, CS0618, CA5397, CA5398 // the policy decides which versions, old ones included
    private static SslProtocols ProtocolsOf(TlsVersions versions)
    {
        var protocols = SslProtocols.None;
        protocols |= versions.HasFlag(TlsVersions.Tls10) ? SslProtocols.Tls : SslProtocols.None;
        protocols |= versions.HasFlag(TlsVersions.Tls11) ? SslProtocols.Tls11 : SslProtocols.None;
        protocols |= versions.HasFlag(TlsVersions.Tls12) ? SslProtocols.Tls12 : SslProtocols.None;
        protocols |= versions.HasFlag(TlsVersions.Tls13) ? SslProtocols.Tls13 : SslProtocols.None;
        return protocols;
    }
#pragma warning restore SYSLIB0039, CS0618, CA5397, CA5398
}
