using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tlcp;

/// <summary>
/// The server side of a TLCP connection over an inner stream that delivers the connection from its first byte. Call
/// <see cref="AuthenticateAsServerAsync"/> once, then read and write application data; one reader and one writer may run
/// concurrently, as with SslStream. The handshake's timeout is the caller's cancellation token.
/// </summary>
public sealed class TlcpServerStream : Stream
{
    private static readonly TimeSpan AlertWriteTimeout = TimeSpan.FromSeconds(2);
    private readonly Stream _inner;
    private readonly bool _leaveInnerStreamOpen;
    private readonly RecordReader _reader;
    private readonly RecordWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Memory<byte> _pending;
    private bool _readClosed;
    private bool _closeNotifySent;
    private volatile bool _failed;
    private int _disposed;

    public TlcpServerStream(Stream innerStream, bool leaveInnerStreamOpen = false)
    {
        ArgumentNullException.ThrowIfNull(innerStream);
        _inner = innerStream;
        _leaveInnerStreamOpen = leaveInnerStreamOpen;
        _reader = new RecordReader(innerStream);
        _writer = new RecordWriter(innerStream);
    }

    /// <summary>The handshake's facts once <see cref="AuthenticateAsServerAsync"/> has completed.</summary>
    public TlcpHandshakeInfo? HandshakeInfo { get; private set; }

    public bool IsAuthenticated => HandshakeInfo is not null && !_failed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>
    /// Runs the server handshake. Throws <see cref="TlcpException"/> (after sending the alert it names, unless the peer
    /// sent it) or <see cref="OperationCanceledException"/>; the stream is unusable after either.
    /// </summary>
    public async Task<TlcpHandshakeInfo> AuthenticateAsServerAsync(TlcpServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (HandshakeInfo is not null || _failed)
        {
            throw new InvalidOperationException("AuthenticateAsServerAsync was already called");
        }

        try
        {
            var channel = new HandshakeChannel(_reader, _writer, new Transcript());
            HandshakeInfo = await new ServerHandshake(options, channel).RunAsync(cancellationToken);
            return HandshakeInfo;
        }
        catch (TlcpException e)
        {
            await FailAsync(e);
            throw;
        }
        catch (OperationCanceledException)
        {
            _failed = true;
            throw;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _failed = true;
            throw new TlcpException(TlcpAlert.InternalError, $"the connection failed during the handshake: {e.Message}", innerException: e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var failure = new TlcpException(TlcpAlert.InternalError, $"handshake failed: {e.Message}", innerException: e);
            await FailAsync(failure);
            throw failure;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureUsable();
        while (_pending.IsEmpty)
        {
            if (_readClosed || !await ReadRecordAsync(cancellationToken))
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureUsable();
        const int FlushEvery = 4 * RecordLimits.MaxPlaintext;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            EnsureUsable();
            do
            {
                var chunk = buffer[..Math.Min(buffer.Length, FlushEvery)];
                _writer.Append(ContentType.ApplicationData, chunk.Span);
                await _writer.FlushAsync(cancellationToken);
                buffer = buffer[chunk.Length..];
            }
            while (!buffer.IsEmpty);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _failed = true;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends close_notify; reads may go on until the peer's close_notify or end of stream.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        EnsureUsable();
        await SendAlertAsync(AlertMessage.Warning, TlcpAlert.CloseNotify, cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (IsAuthenticated && !_closeNotifySent)
            {
                await SendAlertAsync(AlertMessage.Warning, TlcpAlert.CloseNotify, CancellationToken.None);
            }

            await DisposeInnerAsync();
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (IsAuthenticated && !_closeNotifySent)
            {
                SendAlertAsync(AlertMessage.Warning, TlcpAlert.CloseNotify, CancellationToken.None).GetAwaiter().GetResult();
            }

            if (!_leaveInnerStreamOpen)
            {
                _inner.Dispose();
            }

            _writeLock.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads one record after the handshake; false at the end of the stream (close_notify or the transport's end).</summary>
    private async ValueTask<bool> ReadRecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            var record = await _reader.ReadAsync(cancellationToken);
            if (record is not { } r)
            {
                _readClosed = true;
                return false;
            }

            switch (r.Type)
            {
                case ContentType.ApplicationData:
                    _pending = r.Payload;
                    return true;
                case ContentType.Alert:
                    _readClosed = AlertMessage.IsCloseNotify(r.Payload.Span);
                    return !_readClosed;
                case ContentType.Handshake:
                    throw new TlcpException(TlcpAlert.NoRenegotiation, "the client tried to renegotiate");
                default:
                    throw new TlcpException(TlcpAlert.UnexpectedMessage, $"{r.Type} record after the handshake");
            }
        }
        catch (TlcpException e)
        {
            await FailAsync(e);
            throw new IOException($"TLCP connection failed: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _failed = true;
            throw;
        }
    }

    private async Task FailAsync(TlcpException failure)
    {
        _failed = true;
        if (!failure.SentByPeer && failure.Alert != TlcpAlert.CloseNotify)
        {
            await SendAlertAsync(AlertMessage.Fatal, failure.Alert, CancellationToken.None);
        }
    }

    /// <summary>Best effort: an alert that cannot be written in time is given up (the connection is ending anyway).</summary>
    private async Task SendAlertAsync(byte level, TlcpAlert alert, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AlertWriteTimeout);
        try
        {
            if (!await _writeLock.WaitAsync(AlertWriteTimeout, cancellationToken))
            {
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            _writer.Append(ContentType.Alert, [level, (byte)alert]);
            _closeNotifySent |= alert == TlcpAlert.CloseNotify;
            await _writer.FlushAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or NotSupportedException)
        {
            _failed = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async ValueTask DisposeInnerAsync()
    {
        if (!_leaveInnerStreamOpen)
        {
            await _inner.DisposeAsync();
        }

        _writeLock.Dispose();
    }

    private void EnsureUsable()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (HandshakeInfo is null)
        {
            throw new InvalidOperationException("the TLCP handshake has not completed");
        }

        if (_failed)
        {
            throw new IOException("the TLCP connection has failed");
        }
    }
}
