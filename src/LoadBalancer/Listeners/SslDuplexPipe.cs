using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;

namespace LoadBalancer.Listeners;

/// <summary>The decrypted side of a TLS connection as the pipe Kestrel's HTTP pipeline reads and writes.</summary>
internal sealed class SslDuplexPipe(SslStream stream, MemoryPool<byte>? pool) : IDuplexPipe
{
    private const int MinimumSegmentSize = 4096;

    public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(pool, MinimumSegmentSize, MinimumSegmentSize / 2, leaveOpen: true));

    public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(pool, MinimumSegmentSize, leaveOpen: true));

    public async ValueTask CompleteAsync()
    {
        await Input.CompleteAsync();
        await Output.CompleteAsync();
    }
}
