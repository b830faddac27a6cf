using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using LoadBalancer.Listeners;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace LoadBalancer.Forwarding;

/// <summary>
/// The end of a TCP or TCPSSL connection: one backend connection from the listener's TCP server group (weighted
/// round robin; a server that refuses or does not answer within 5 s is skipped for the next), then bytes both ways
/// until both sides are done. Either side's half-close is passed on to the other while the other direction keeps
/// flowing; a reset on either side ends both. One pooled 16 KiB buffer per direction; no copying beyond the stream API.
/// </summary>
internal sealed class TcpForwarder(ILogger<TcpForwarder> logger)
{
    private const int BufferSize = 16 * 1024;   // a whole TLS record per read on TCPSSL
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public async Task ForwardAsync(ConnectionContext connection)
    {
        var feature = connection.Features.Get<ListenerFeature>()!;
        var client = connection.RemoteEndPoint?.ToString() ?? "?";
        var (socket, server) = await ConnectAsync(feature.Listener, (connection.RemoteEndPoint as IPEndPoint)?.Address, client);
        if (socket is null)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        server!.State.Begin();
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            if (feature.Listener.Config.ProxyProtocolEnabled == true)
            {
                await stream.WriteAsync(ProxyHeader(connection));
            }

            var clientStream = connection.Features.Get<ClientByteStream>() ?? ClientByteStream.ForPlain(connection);
            var (up, down) = await PipeAsync(clientStream, stream, socket, feature.Activity);
            var (target, seconds) = (server.ToString(), Stopwatch.GetElapsedTime(started).TotalSeconds);
            TcpForwarderLog.Closed(logger, feature.Listener.Id, client, target, up, down, seconds);
        }
        finally
        {
            server.State.End();
        }
    }

    /// <summary>The PROXY v2 header for this connection: addresses, and on TCPSSL the handshake's facts.</summary>
    private static byte[] ProxyHeader(ConnectionContext connection)
    {
        var ssl = connection.Features.Get<ISslStreamFeature>()?.SslStream;
        var hello = connection.Features.Get<HandshakeFeature>()?.ClientHello;
        ProxyTlsFacts? tls = null;
        if (ssl is not null)
        {
            var client = ssl.RemoteCertificate as X509Certificate2;
            var alpn = ssl.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : ssl.NegotiatedApplicationProtocol.ToString();
            tls = new ProxyTlsFacts(hello?.ServerName, alpn, TlsNames.Version(ssl.SslProtocol), ssl.NegotiatedCipherSuite.ToString(),
                client?.GetNameInfo(X509NameType.SimpleName, forIssuer: false), ClientCertificateVerified: client is not null);
        }

        return ProxyProtocolV2.Header((IPEndPoint)connection.RemoteEndPoint!, (IPEndPoint)connection.LocalEndPoint!, tls);
    }

    private async Task<(Socket? Socket, BackendServer? Server)> ConnectAsync(ListenerRuntime listener, IPAddress? clientAddress, string client)
    {
        var group = listener.TcpGroup!;
        var failures = new List<string>();
        for (var attempt = 0; attempt < Math.Max(1, group.Servers.Length); attempt++)
        {
            var server = group.Pick(clientAddress);
            if (server is null)
            {
                failures.Add("no server with a positive weight");
                break;
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = new CancellationTokenSource(ConnectTimeout);
                await socket.ConnectAsync(IPAddress.Parse(server.Address), server.Port, timeout.Token);
                server.State.ReportSuccess();
                return (socket, server);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                server.State.ReportConnectFailure();
                failures.Add($"{server}: {(e is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:F0} s" : e.Message)}");
            }
        }

        var reasons = string.Join("; ", failures);
        TcpForwarderLog.NoServer(logger, listener.Id, client, group.Id, reasons);
        return (null, null);
    }

    /// <summary>
    /// Both directions at once. Each one's end (a FIN, or close_notify on TCPSSL) is passed on as a half-close and the
    /// other direction keeps flowing; the connection ends when both are done, or at once when either fails (a reset).
    /// </summary>
    private static async Task<(long Up, long Down)> PipeAsync(ClientByteStream client, NetworkStream server, Socket serverSocket, ConnectionActivity activity)
    {
        // Not linked to ConnectionClosed: Kestrel signals it on the client's FIN, and a half-close must let the
        // server's answer through.
        using var stop = new CancellationTokenSource();
        var (up, down) = (new ByteCount(), new ByteCount());
        var upward = PumpAsync(client.Reader, server, up, activity, () =>
        {
            serverSocket.Shutdown(SocketShutdown.Send);
            return ValueTask.CompletedTask;
        }, stop.Token);
        var downward = PumpAsync(server, client.Writer, down, activity, client.HalfCloseAsync, stop.Token);

        var first = await Task.WhenAny(upward, downward);
        if (!first.Result)
        {
            // A failure, or the server's end where the client cannot be half-closed: the whole connection ends.
            await stop.CancelAsync();
        }

        await Task.WhenAll(upward, downward);
        return (up.Total, down.Total);
    }

    /// <summary>
    /// Copies one direction until its end, then half-closes the other side (<paramref name="halfClose"/>); false when
    /// it failed or there was no half-close to pass on.
    /// </summary>
    /// <remarks>
    /// A direction that has drained its source waits for more with a zero-byte read and holds no buffer meanwhile, so
    /// an idle connection keeps none (two 16 KiB buffers each before); one that keeps filling its buffer keeps it.
    /// </remarks>
    private static async Task<bool> PumpAsync(Stream from, Stream to, ByteCount count, ConnectionActivity activity, Func<ValueTask>? halfClose, CancellationToken cancellationToken)
    {
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                if (buffer is null)
                {
                    _ = await from.ReadAsync(Memory<byte>.Empty, cancellationToken);
                    buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                }

                var read = await from.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                count.Total += read;
                activity.Touch();
                if (read < BufferSize)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = null;
                }
            }

            if (halfClose is null)
            {
                return false;
            }

            await halfClose();
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or AuthenticationException)
        {
            return false;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Bytes moved in one direction, counted even when the direction ends in a failure.</summary>
    private sealed class ByteCount
    {
        public long Total { get; set; }
    }
}
