using System.Net;
using System.Net.Quic;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

#pragma warning disable CA1416 // QUIC tests run only where QuicConnection.IsSupported ([QuicFact])

namespace LoadBalancer.Tests.Support;

/// <summary>HTTP/3 and bare QUIC clients pointed at 127.0.0.1, with any SNI.</summary>
internal static class Http3Clients
{
    /// <summary>
    /// An HttpClient that speaks HTTP/3 only (each request is 3.0 with RequestVersionExact) and trusts only
    /// <paramref name="root"/>. QUIC connects to the URL's host, so requests go to https://127.0.0.1:port with the
    /// name in the Host header, which SocketsHttpHandler also sends as the SNI.
    /// </summary>
    public static HttpClient Http(X509Certificate2 root)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, _) => Clients.Trusts(root, certificate, chain);
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    public static HttpRequestMessage Get(int port, string host, string path) => new(HttpMethod.Get, $"https://127.0.0.1:{port}{path}")
    {
        Version = HttpVersion.Version30,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Headers = { Host = $"{host}:{port}" },
    };

    /// <summary>A QUIC handshake (ALPN h3) with this SNI (none when null); returns the connection and the certificate the server chose.</summary>
    public static async Task<(QuicConnection Connection, X509Certificate2 Certificate)> ConnectAsync(int port, string? serverName, Action<SslClientAuthenticationOptions>? configure = null)
    {
        X509Certificate2? served = null;
        var tls = new SslClientAuthenticationOptions
        {
            ApplicationProtocols = [SslApplicationProtocol.Http3],
            TargetHost = serverName ?? "",
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                served = certificate is null ? null : new X509Certificate2(certificate);
                return true;
            },
        };
        configure?.Invoke(tls);
        var connection = await QuicConnection.ConnectAsync(new QuicClientConnectionOptions
        {
            RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, port),
            DefaultStreamErrorCode = 0x10c, // H3_REQUEST_CANCELLED
            DefaultCloseErrorCode = 0x100, // H3_NO_ERROR
            ClientAuthenticationOptions = tls,
        });
        return (connection, served ?? new X509Certificate2(connection.RemoteCertificate!));
    }

    public static async Task<X509Certificate2> ServerCertificateAsync(int port, string? serverName)
    {
        var (connection, certificate) = await ConnectAsync(port, serverName);
        await connection.DisposeAsync();
        return certificate;
    }
}
