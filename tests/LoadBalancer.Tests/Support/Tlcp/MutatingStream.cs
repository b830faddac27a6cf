using System.Net.Sockets;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>
/// Passes a client's writes to a socket, rewriting the write numbered <see cref="WriteIndex"/> (0 = the ClientHello,
/// 1 = the client's second flight) and then closing the sending side, so a server that waits for more bytes sees the end.
/// </summary>
public sealed class MutatingStream(Socket socket, int writeIndex, Func<byte[], byte[]> mutate) : Stream
{
    private readonly NetworkStream _inner = new(socket, ownsSocket: false);
    private int _writes;

    public int WriteIndex => writeIndex;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(buffer, cancellationToken);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var index = _writes++;
        if (index > writeIndex)
        {
            return;
        }

        if (index < writeIndex)
        {
            await _inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        await _inner.WriteAsync(mutate(buffer.ToArray()), cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
