using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// One TLS connection held open and used for several HTTP/1.1 keep-alive requests, so a test can prove that the very
/// same connection still answers after a reload.
/// </summary>
internal sealed class RawHttpsConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly SslStream _ssl;
    private readonly string _host;

    private RawHttpsConnection(TcpClient tcp, SslStream ssl, string host)
    {
        _tcp = tcp;
        _ssl = ssl;
        _host = host;
    }

    public X509Certificate2 ServerCertificate => new(_ssl.RemoteCertificate!);

    public System.Security.Authentication.SslProtocols Protocol => _ssl.SslProtocol;

    public static async Task<RawHttpsConnection> OpenAsync(int port, string host)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var ssl = new SslStream(tcp.GetStream());
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
        });
        return new RawHttpsConnection(tcp, ssl, host);
    }

    /// <summary>Sends a GET and returns the status line and body (Content-Length or chunked).</summary>
    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        await _ssl.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {_host}\r\n\r\n"));
        var reader = new ResponseReader(_ssl);
        return await reader.ReadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _ssl.DisposeAsync();
        _tcp.Dispose();
    }

    private sealed class ResponseReader(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<(int, string)> ReadAsync()
        {
            var statusLine = await LineAsync();
            var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var length = -1;
            var chunked = false;
            for (var line = await LineAsync(); line.Length > 0; line = await LineAsync())
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                length = name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : length;
                chunked |= name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }

            var body = new StringBuilder();
            if (chunked)
            {
                for (var size = Convert.ToInt32(await LineAsync(), 16); size > 0; size = Convert.ToInt32(await LineAsync(), 16))
                {
                    body.Append(Encoding.UTF8.GetString(await BytesAsync(size)));
                    await LineAsync();
                }

                await LineAsync();
            }
            else if (length > 0)
            {
                body.Append(Encoding.UTF8.GetString(await BytesAsync(length)));
            }

            return (status, body.ToString());
        }

        private async Task<byte[]> BytesAsync(int count)
        {
            var buffer = new byte[count];
            await stream.ReadExactlyAsync(buffer);
            return buffer;
        }

        private async Task<string> LineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                await stream.ReadExactlyAsync(_one);
                if (_one[0] == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)_one[0]);
            }
        }
    }
}
