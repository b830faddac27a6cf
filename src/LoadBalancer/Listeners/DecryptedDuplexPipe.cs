using System.Buffers;
using System.IO.Pipelines;

namespace LoadBalancer.Listeners;

/// <summary>The decrypted side of a TLS or TLCP connection as the pipe Kestrel's HTTP pipeline reads and writes.</summary>
/// <remarks>4 KiB segments, and zero-byte reads: an idle keep-alive connection waits for data without holding a
/// segment (about 4 KiB less each). (TCPSSL byte pipes use the SslStream directly, with 16 KiB buffers: a whole TLS
/// record per read.)</remarks>
internal sealed class DecryptedDuplexPipe(Stream stream, MemoryPool<byte>? pool) : IDuplexPipe
{
    private const int SegmentSize = 4 * 1024;

    public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(pool, SegmentSize, SegmentSize / 4, leaveOpen: true, useZeroByteReads: true));

    public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(pool, SegmentSize, leaveOpen: true));

    public async ValueTask CompleteAsync()
    {
        await Input.CompleteAsync();
        await Output.CompleteAsync();
    }
}
