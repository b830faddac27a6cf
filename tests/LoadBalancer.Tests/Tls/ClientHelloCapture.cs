using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace LoadBalancer.Tests.Tls;

/// <summary>Captures the first flight of a real TLS client on a loopback listener that never answers.</summary>
internal static class ClientHelloCapture
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(20);

    public static Task<byte[]> FromSslStreamAsync(string targetHost, params string[] alpn) =>
        CaptureAsync(port => RunSslStreamClientAsync(port, targetHost, alpn));

    /// <summary>Runs <c>openssl s_client -connect 127.0.0.1:port</c> with <paramref name="arguments"/>.</summary>
    public static Task<byte[]> FromOpensslAsync(params string[] arguments) =>
        CaptureAsync(port => RunOpensslAsync(port, arguments));

    private static async Task<byte[]> CaptureAsync(Func<int, (Task Client, Action Stop)> startClient)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (client, stop) = startClient(port);
        try
        {
            using var cts = new CancellationTokenSource(_timeout);
            using var socket = await listener.AcceptSocketAsync(cts.Token);
            return await ReadFirstHandshakeMessageAsync(socket, cts.Token);
        }
        finally
        {
            stop();
            await Task.WhenAny(client, Task.Delay(_timeout));
        }
    }

    /// <summary>Reads whole records until they hold the first handshake message (independent of the reader under test).</summary>
    private static async Task<byte[]> ReadFirstHandshakeMessageAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var chunk = new byte[4096];
        while (CompleteLength(received) is not { } length)
        {
            var count = await socket.ReceiveAsync(chunk, SocketFlags.None, cancellationToken);
            if (count == 0)
            {
                throw new IOException($"client closed after {received.Count} bytes");
            }

            received.AddRange(chunk.AsSpan(0, count));
        }

        return [.. received.GetRange(0, CompleteLength(received)!.Value)];
    }

    private static int? CompleteLength(List<byte> bytes)
    {
        var offset = 0;
        var handshake = new List<byte>();
        while (offset + 5 <= bytes.Count)
        {
            var fragment = (bytes[offset + 3] << 8) | bytes[offset + 4];
            if (offset + 5 + fragment > bytes.Count)
            {
                return null;
            }

            handshake.AddRange(bytes.GetRange(offset + 5, fragment));
            offset += 5 + fragment;
            if (handshake.Count >= 4 && handshake.Count >= 4 + ((handshake[1] << 16) | (handshake[2] << 8) | handshake[3]))
            {
                return offset;
            }
        }

        return null;
    }

    private static (Task, Action) RunSslStreamClientAsync(int port, string targetHost, string[] alpn)
    {
        var tcp = new TcpClient();
        var task = Task.Run(async () =>
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            await using var ssl = new SslStream(tcp.GetStream());
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = targetHost,
                ApplicationProtocols = alpn.Select(p => new SslApplicationProtocol(p)).ToList(),
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            };
            try
            {
                await ssl.AuthenticateAsClientAsync(options);
            }
            catch (Exception e) when (e is IOException or AuthenticationException or SocketException or ObjectDisposedException)
            {
                // the capturing listener hangs up after the ClientHello
            }
        });
        return (task, tcp.Dispose);
    }

    private static (Task, Action) RunOpensslAsync(int port, string[] arguments)
    {
        var startInfo = new ProcessStartInfo("/usr/bin/openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("s_client");
        startInfo.ArgumentList.Add("-connect");
        startInfo.ArgumentList.Add($"127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        return (drained, () => Stop(process));
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            process.Dispose();
        }
    }
}
