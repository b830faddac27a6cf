using System.Net.Security;

namespace LoadBalancer.Listeners;

/// <summary>
/// NLB's ALPN policies for TCPSSL listeners, as the server's preference order (the TLS stack picks the first of
/// these the client offers): HTTP1Only http/1.1 then http/1.0; HTTP2Only h2; HTTP2Optional http/1.1, http/1.0, h2;
/// HTTP2Preferred h2, http/1.1, http/1.0.
/// </summary>
internal static class AlpnPolicies
{
    private static readonly SslApplicationProtocol Http10 = new("http/1.0");

    public static List<SslApplicationProtocol>? For(bool? enabled, string? policy) => enabled != true ? null : policy switch
    {
        "HTTP1Only" => [SslApplicationProtocol.Http11, Http10],
        "HTTP2Only" => [SslApplicationProtocol.Http2],
        "HTTP2Optional" => [SslApplicationProtocol.Http11, Http10, SslApplicationProtocol.Http2],
        "HTTP2Preferred" => [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11, Http10],
        _ => null,
    };
}
