using System.Net;
using System.Net.Sockets;
using LoadBalancer.Tlcp;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>
/// A TLCP server on 127.0.0.1 (port 0) for tests: each accepted connection gets a <see cref="TlcpServerStream"/>, the
/// handshake, then <paramref name="handler"/>. Every connection's outcome is kept for assertions.
/// </summary>
public sealed class TlcpLoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TlcpServerOptions _options;
    private readonly Func<TlcpServerStream, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public TlcpLoopbackServer(TlcpServerOptions options, Func<TlcpServerStream, Task>? handler = null)
    {
        _options = options;
        _handler = handler ?? EchoAsync;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>One task per accepted connection: the handshake facts, or the exception the server saw.</summary>
    public List<Task<TlcpHandshakeInfo>> Connections { get; } = [];

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, Port);
        return client;
    }

    /// <summary>Waits for the n-th connection's handshake outcome.</summary>
    public async Task<Task<TlcpHandshakeInfo>> ConnectionAsync(int index, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (Connections)
            {
                if (Connections.Count > index)
                {
                    return Connections[index];
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("no connection accepted");
            }

            await Task.Delay(10);
        }
    }

    public static async Task EchoAsync(TlcpServerStream stream)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = ServeAsync(client);
            lock (Connections)
            {
                Connections.Add(connection);
            }
        }
    }

    private async Task<TlcpHandshakeInfo> ServeAsync(TcpClient client)
    {
        await Task.Yield();
        using var tcp = client;
        await using var stream = new TlcpServerStream(client.GetStream());
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        var info = await stream.AuthenticateAsServerAsync(_options, timeout.Token);
        try
        {
            await _handler(stream);
        }
        catch (IOException)
        {
        }

        return info;
    }
}
