using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using LoadBalancer.Listeners;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace LoadBalancer.Forwarding;

/// <summary>
/// The end of a TCP or TCPSSL connection: one backend connection from the listener's TCP server group (weighted
/// round robin; a server that refuses or does not answer within 5 s is skipped for the next), then bytes both ways
/// until either side is done. The client's half-close is passed on to the server while the server's answer keeps
/// flowing back. Pipes and pooled buffers; no per-byte copying beyond the stream API.
/// </summary>
internal sealed class TcpForwarder(ILogger<TcpForwarder> logger)
{
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

            var (up, down) = await PipeAsync(connection, stream, socket, feature.Activity);
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

    private static async Task<(long Up, long Down)> PipeAsync(ConnectionContext connection, NetworkStream stream, Socket socket, ConnectionActivity activity)
    {
        // Not linked to ConnectionClosed: Kestrel signals it on the client's FIN, and a half-close must let the
        // server's answer through.
        using var stop = new CancellationTokenSource();
        var up = ClientToServerAsync(connection.Transport.Input, stream, socket, activity, stop.Token);
        // A client that resets (rather than half-closes) ends the server side too, even if the server is silent.
        _ = up.ContinueWith(static (_, state) => CancelQuietly((CancellationTokenSource)state!), stop, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var down = ServerToClientAsync(stream, connection.Transport.Output, activity, stop.Token);
        try
        {
            // The server's side ending (or failing) ends the connection; the client's EOF only half-closes.
            var bytesDown = await down;
            await stop.CancelAsync();
            return (await Quietly(up), bytesDown);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            await stop.CancelAsync();
            return (await Quietly(up), 0);
        }
    }

    private static async Task<long> ClientToServerAsync(PipeReader input, NetworkStream stream, Socket socket, ConnectionActivity activity, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            foreach (var segment in result.Buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
                total += segment.Length;
            }

            input.AdvanceTo(result.Buffer.End);
            activity.Touch();
            if (result.IsCompleted || result.IsCanceled)
            {
                socket.Shutdown(SocketShutdown.Send);
                return total;
            }
        }
    }

    private static async Task<long> ServerToClientAsync(NetworkStream stream, PipeWriter output, ConnectionActivity activity, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var memory = output.GetMemory(16 * 1024);
            var read = await stream.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return total;
            }

            output.Advance(read);
            total += read;
            activity.Touch();
            var flushed = await output.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return total;
            }
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    private static async Task<long> Quietly(Task<long> task)
    {
        try
        {
            return await task;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return 0;
        }
    }
}
