namespace LoadBalancer.Tls.Policies;

/// <summary>A security policy as written: its id, the TLS versions and the cipher names in preference order.</summary>
public sealed record SecurityPolicyDefinition(string Id, IReadOnlyList<string> TlsVersions, IReadOnlyList<string> Ciphers);
