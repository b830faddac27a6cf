using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Tests.Support;

/// <summary>Real .NET clients pointed at 127.0.0.1 whatever host name the URL carries.</summary>
internal static class Clients
{
    /// <summary>An HttpClient that trusts only <paramref name="root"/> and resolves every name to 127.0.0.1.</summary>
    public static HttpClient Http(X509Certificate2? root = null, int maxConnections = int.MaxValue)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        if (root is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Trusts(root, certificate, chain);
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Handshakes with SslStream and returns the certificate the server chose (no SNI when null or an IP).</summary>
    public static async Task<X509Certificate2> ServerCertificateAsync(int port, string? serverName, Action<SslClientAuthenticationOptions>? configure = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var ssl = new SslStream(tcp.GetStream());
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = serverName ?? "",
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        };
        configure?.Invoke(options);
        await ssl.AuthenticateAsClientAsync(options);
        return new X509Certificate2(ssl.RemoteCertificate!);
    }

    public static bool Trusts(X509Certificate2 root, X509Certificate? certificate, X509Chain? chain)
    {
        if (certificate is null || chain is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(root);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var element in chain.ChainPolicy.ExtraStore)
        {
            custom.ChainPolicy.ExtraStore.Add(element);
        }

        return custom.Build(new X509Certificate2(certificate));
    }
}
