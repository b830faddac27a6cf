namespace LoadBalancer.Forwarding;

/// <summary>The TLS facts a TCPSSL connection's PROXY v2 header carries.</summary>
internal sealed record ProxyTlsFacts(string? ServerName, string? Alpn, string Version, string Cipher, string? ClientCommonName, bool ClientCertificateVerified);
