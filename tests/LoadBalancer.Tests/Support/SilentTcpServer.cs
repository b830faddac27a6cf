using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Tests.Support;

/// <summary>A TCP backend that accepts one connection, never sends, and reports when that connection ends.</summary>
internal sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SilentTcpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = ServeOneAsync();
    }

    public int Port { get; }

    /// <summary>Completes when the proxy closes or resets its connection to this server.</summary>
    public Task Ended => _ended.Task;

    public void Dispose() => _listener.Stop();

    private async Task ServeOneAsync()
    {
        try
        {
            using var socket = await _listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            while (await socket.ReceiveAsync(buffer) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        _ended.TrySetResult();
    }
}
