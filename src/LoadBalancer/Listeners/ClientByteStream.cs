using System.Net.Security;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace LoadBalancer.Listeners;

/// <summary>
/// The client's side of a TCP or TCPSSL connection as the TCP forwarder uses it: a stream to read the client's bytes,
/// a stream to write the server's, and the half-close that tells the client the server is done sending while the
/// client's own direction keeps flowing (a FIN on TCP; close_notify then a FIN on TCPSSL).
/// </summary>
/// <remarks>
/// Writes go straight to the connection's socket when the transport exposes it (Kestrel's socket transport does):
/// Kestrel shuts a socket down both ways when its output pipe completes, so a half-close cannot go through the pipe,
/// and skipping the pipe also saves a copy and a thread hop per write. Kestrel's own receive loop keeps reading.
/// </remarks>
internal sealed class ClientByteStream(Stream reader, Stream writer, Func<ValueTask>? halfClose)
{
    public Stream Reader { get; } = reader;

    public Stream Writer { get; } = writer;

    /// <summary>Null where the transport gives no socket: the server's end then ends the whole connection.</summary>
    public Func<ValueTask>? HalfCloseAsync { get; } = halfClose;

    /// <summary>The socket to write to directly, where the transport exposes one.</summary>
    public static Socket? SocketOf(ConnectionContext connection) => connection.Features.Get<IConnectionSocketFeature>()?.Socket;

    /// <summary>A TCP listener's connection, read through Kestrel's input pipe.</summary>
    public static ClientByteStream ForPlain(ConnectionContext connection)
    {
        var reader = connection.Transport.Input.AsStream(leaveOpen: true);
        var socket = SocketOf(connection);
        return socket is null
            ? new ClientByteStream(reader, connection.Transport.Output.AsStream(leaveOpen: true), null)
            : new ClientByteStream(reader, new NetworkStream(socket, ownsSocket: false), () =>
            {
                socket.Shutdown(SocketShutdown.Send);
                return ValueTask.CompletedTask;
            });
    }

    /// <summary>
    /// A TCPSSL listener's connection after its handshake. <paramref name="directSocket"/> is the socket the
    /// <see cref="SslStream"/> writes to directly (see <see cref="DuplexPipeStream"/>), so a FIN after close_notify
    /// cannot overtake bytes still queued in a pipe.
    /// </summary>
    public static ClientByteStream ForTls(SslStream stream, Socket? directSocket) => new(stream, stream, async () =>
    {
        await stream.ShutdownAsync();
        directSocket?.Shutdown(SocketShutdown.Send);
    });
}
