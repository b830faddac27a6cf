using System.Buffers;
using System.IO.Pipelines;

namespace LoadBalancer.Listeners;

/// <summary>
/// The output of an HTTP/2 connection: Kestrel writes and flushes into a pipe, and one loop encrypts what has gathered
/// there and sends it, after the work the thread is doing now.
/// </summary>
/// <remarks>
/// Kestrel's HTTP/2 writer flushes once per stream it serves, and with socket work on the event threads
/// (<see cref="Hosting.SocketEventLoop"/>) every flush went straight out as its own TLS record and its own send. The
/// loop here is scheduled on the current thread-pool thread's own queue, so it runs when the writer has served every
/// stream that was ready: their frames leave in one record and one send, as nginx and HAProxy send a connection's
/// output once per turn of their event loop. A slow client holds Kestrel back through the pipe's limits (64 KiB), and
/// Kestrel's minimum data rate then applies to its flushes as before. Output still waiting when the connection ends
/// is sent before the TLS stream closes; a client that never reads it is closed by
/// <see cref="IdleConnectionReaper"/> after the listener's IdleTimeout, which covers this wait.
/// </remarks>
internal sealed class CoalescedOutput
{
    private readonly Stream _stream;
    private readonly Pipe _pipe;

    public CoalescedOutput(Stream stream, MemoryPool<byte>? pool, int segmentSize)
    {
        _stream = stream;
        _pipe = new Pipe(new PipeOptions(pool, readerScheduler: AfterCurrentWork.Instance, writerScheduler: PipeScheduler.Inline,
            minimumSegmentSize: segmentSize, useSynchronizationContext: false));
        Sent = SendAsync();
    }

    public PipeWriter Writer => _pipe.Writer;

    /// <summary>Completes when everything written has been handed to the stream, or sending failed.</summary>
    public Task Sent { get; }

    private async Task SendAsync()
    {
        var reader = _pipe.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                try
                {
                    foreach (var segment in buffer)
                    {
                        await _stream.WriteAsync(segment);
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The connection is gone. Kestrel's next flush finds the output completed, as when the socket itself has
            // closed, and ends the connection without an error of its own.
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>Runs a continuation on the current thread-pool thread's own queue, after the work item it is running.</summary>
    private sealed class AfterCurrentWork : PipeScheduler
    {
        public static readonly AfterCurrentWork Instance = new();

        public override void Schedule(Action<object?> action, object? state) =>
            System.Threading.ThreadPool.UnsafeQueueUserWorkItem(action, state, preferLocal: true);
    }
}
