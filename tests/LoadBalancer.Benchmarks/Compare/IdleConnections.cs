using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// Opens many TLS connections (TLS 1.3, TLS_AES_128_GCM_SHA256) and uses each once, then holds them open and idle:
/// what a proxy keeps per idle connection. HTTPS (http/1.1): one request and its response each. With
/// <paramref name="echoBytes"/> above 0, TCPSSL to an echo backend: that many bytes sent and read back each.
/// </summary>
internal sealed class IdleConnections(IPEndPoint endpoint, string name, int echoBytes = 0) : IAsyncDisposable
{
    private readonly List<(Socket Socket, SslStream Tls)> _open = [];

    public int Count => _open.Count;

    /// <summary>Opens <paramref name="count"/> connections, <paramref name="parallel"/> at a time; returns how many failed.</summary>
    public async Task<int> OpenAsync(int count, int parallel)
    {
        var failed = 0;
        var next = -1;
        var request = Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {name}\r\n\r\n");
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                try
                {
                    var connection = await OpenOneAsync(request);
                    lock (_open)
                    {
                        _open.Add(connection);
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return failed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (socket, tls) in _open)
        {
            await tls.DisposeAsync();
            socket.Dispose();
        }

        _open.Clear();
    }

    private async Task<(Socket, SslStream)> OpenOneAsync(byte[] request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await tls.AuthenticateAsClientAsync(Options(), timeout.Token);
            if (echoBytes > 0)
            {
                await EchoAsync(tls, timeout.Token);
            }
            else
            {
                await tls.WriteAsync(request, timeout.Token);
                await ReadResponseAsync(tls, timeout.Token);
            }

            return (socket, tls);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task EchoAsync(SslStream tls, CancellationToken cancellationToken)
    {
        var buffer = new byte[echoBytes];
        await tls.WriteAsync(buffer, cancellationToken);
        await tls.ReadExactlyAsync(buffer, cancellationToken);
    }

    /// <summary>Reads one response with a Content-Length body.</summary>
    private static async Task ReadResponseAsync(SslStream tls, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        while (true)
        {
            var read = await tls.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw new IOException("the proxy closed before the response was complete");
            }

            filled += read;
            var text = Encoding.ASCII.GetString(buffer, 0, filled);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            if (!text.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            {
                throw new IOException("unexpected response: " + text[..text.IndexOf('\r', StringComparison.Ordinal)]);
            }

            var length = ContentLength(text[..end]);
            if (filled >= end + 4 + length)
            {
                return;
            }
        }
    }

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new IOException("the response has no Content-Length");
    }

    private SslClientAuthenticationOptions Options() => new()
    {
        TargetHost = name,
        EnabledSslProtocols = SslProtocols.Tls13,
        CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_128_GCM_SHA256]),
        AllowTlsResume = false,
        ApplicationProtocols = echoBytes > 0 ? null : [SslApplicationProtocol.Http11],
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        // The benchmark CA is not trusted by the machine: accept the certificate issued for the name asked for.
        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is X509Certificate2 leaf && leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false) == name,
    };
}
