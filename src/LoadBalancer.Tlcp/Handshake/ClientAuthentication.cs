using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>A requested client certificate: the CAs it must chain to, whether an encryption certificate must follow, the time.</summary>
internal sealed record ClientAuthentication(IReadOnlyList<X509Certificate> Authorities, bool NeedEncryption, DateTime UtcNow);
