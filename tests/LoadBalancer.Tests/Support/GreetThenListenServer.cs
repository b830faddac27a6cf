using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// A TCP backend that sends a greeting, half-closes at once (its FIN), then keeps reading what the client sends until
/// the client's own FIN, and reports those bytes: a half-close test of the server's direction.
/// </summary>
internal sealed class GreetThenListenServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<byte[]> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GreetThenListenServer(byte[] greeting)
    {
        Greeting = greeting;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = ServeOneAsync();
    }

    public int Port { get; }

    public byte[] Greeting { get; }

    /// <summary>What the client sent after the greeting's FIN, complete once the client's FIN arrived.</summary>
    public Task<byte[]> Received => _received.Task;

    public void Dispose() => _listener.Stop();

    private async Task ServeOneAsync()
    {
        try
        {
            using var socket = await _listener.AcceptSocketAsync();
            await using var stream = new NetworkStream(socket);
            await stream.WriteAsync(Greeting);
            socket.Shutdown(SocketShutdown.Send);
            using var all = new MemoryStream();
            await stream.CopyToAsync(all);
            _received.SetResult(all.ToArray());
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _received.TrySetException(e);
        }
    }
}
