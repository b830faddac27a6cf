using System.Buffers;
using System.IO.Pipelines;

namespace LoadBalancer.Listeners;

/// <summary>The decrypted side of a TLS or TLCP connection as the pipe Kestrel's HTTP pipeline reads and writes.</summary>
/// <remarks>4 KiB segments, and zero-byte reads: an idle keep-alive connection waits for data without holding a
/// segment (about 4 KiB less each). (TCPSSL byte pipes use the SslStream directly, with 16 KiB buffers: a whole TLS
/// record per read.) With <c>coalesceWrites</c> (HTTP/2) what Kestrel writes goes through a pipe whose reader
/// encrypts and sends it after the thread's current work: see <see cref="CoalescedOutput"/>.</remarks>
internal sealed class DecryptedDuplexPipe : IDuplexPipe
{
    private const int SegmentSize = 4 * 1024;

    private readonly CoalescedOutput? _coalesced;

    public DecryptedDuplexPipe(Stream stream, MemoryPool<byte>? pool, bool coalesceWrites = false)
    {
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(pool, SegmentSize, SegmentSize / 4, leaveOpen: true, useZeroByteReads: true));
        if (coalesceWrites)
        {
            _coalesced = new CoalescedOutput(stream, pool, SegmentSize);
            Output = _coalesced.Writer;
        }
        else
        {
            Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(pool, SegmentSize, leaveOpen: true));
        }
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public async ValueTask CompleteAsync()
    {
        await Input.CompleteAsync();
        await Output.CompleteAsync();
        if (_coalesced is not null)
        {
            await _coalesced.Sent;
        }
    }
}
