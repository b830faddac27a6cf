using System.Net;

namespace LoadBalancer.Tests.Support;

/// <summary>A parsed PROXY v2 header: addresses, PP2_TYPE_AUTHORITY, PP2_TYPE_ALPN and PP2_TYPE_SSL's fields.</summary>
internal sealed record ProxyHeader(IPEndPoint Source, IPEndPoint Destination, string? Authority, string? Alpn, byte? SslClient, uint? SslVerify, string? SslVersion, string? SslCipher, string? SslCommonName);
