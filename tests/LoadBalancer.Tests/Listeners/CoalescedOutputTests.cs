using System.Buffers;
using System.IO.Pipelines;
using LoadBalancer.Listeners;

namespace LoadBalancer.Tests.Listeners;

/// <summary>
/// The HTTP/2 output path: what Kestrel flushes while a thread-pool thread serves several streams leaves in one write
/// to the TLS stream (one record, one send), in order; the plain path writes once per flush.
/// </summary>
public sealed class CoalescedOutputTests
{
    private static readonly byte[][] Frames = [[1, 2, 3], [4, 5], [6, 7, 8, 9]];

    [Fact]
    public async Task FlushesDuringOneWorkItemLeaveInOneWriteInOrder()
    {
        var stream = new RecordingStream();
        var pipe = new DecryptedDuplexPipe(stream, pool: null, coalesceWrites: true);

        var flushes = await FlushEachFrameOnAPoolThreadAsync(pipe.Output);
        await pipe.CompleteAsync();

        Assert.All(flushes, completedAtOnce => Assert.True(completedAtOnce));
        Assert.Single(stream.Writes);
        Assert.Equal(Frames.SelectMany(f => f), stream.Writes[0]);
    }

    [Fact]
    public async Task WithoutCoalescingEveryFlushIsItsOwnWrite()
    {
        var stream = new RecordingStream();
        var pipe = new DecryptedDuplexPipe(stream, pool: null);

        await FlushEachFrameOnAPoolThreadAsync(pipe.Output);
        await pipe.CompleteAsync();

        Assert.Equal(Frames.Length, stream.Writes.Count);
    }

    [Fact]
    public async Task WhatIsWrittenBeforeCompletionIsSentBeforeCompletionEnds()
    {
        var stream = new RecordingStream();
        var pipe = new DecryptedDuplexPipe(stream, pool: null, coalesceWrites: true);

        await pipe.Output.WriteAsync(new byte[100_000]);
        await pipe.CompleteAsync();

        Assert.Equal(100_000, stream.Writes.Sum(w => w.Length));
    }

    [Fact]
    public async Task AStreamThatFailsEndsTheOutputInsteadOfBlockingIt()
    {
        var stream = new RecordingStream { Fail = true };
        var pipe = new DecryptedDuplexPipe(stream, pool: null, coalesceWrites: true);

        await pipe.Output.WriteAsync(new byte[10]);
        var completed = false;
        for (var i = 0; i < 100 && !completed; i++)
        {
            // More than the pipe holds: without the failure noticed, this would wait for room that never comes.
            var flush = await pipe.Output.WriteAsync(new byte[64 * 1024]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            completed = flush.IsCompleted;
        }

        Assert.True(completed);
        await pipe.CompleteAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Writes and flushes each frame inside one thread-pool work item, as Kestrel's HTTP/2 writer serves its streams.</summary>
    private static async Task<bool[]> FlushEachFrameOnAPoolThreadAsync(PipeWriter output)
    {
        var done = new TaskCompletionSource<bool[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try
            {
                var completedAtOnce = new bool[Frames.Length];
                for (var i = 0; i < Frames.Length; i++)
                {
                    output.Write(Frames[i]);
                    var flush = output.FlushAsync();
                    completedAtOnce[i] = flush.IsCompleted;
                    flush.AsTask().GetAwaiter().GetResult();
                }

                done.SetResult(completedAtOnce);
            }
#pragma warning disable CA1031 // whatever the writer throws goes to the test, not to the thread pool
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.SetException(e);
            }
        }, null);
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class RecordingStream : Stream
    {
        private readonly Lock _lock = new();

        public List<byte[]> Writes { get; } = [];

        public bool Fail { get; init; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new IOException("the connection was reset");
            }

            lock (_lock)
            {
                Writes.Add(buffer.ToArray());
            }

            return ValueTask.CompletedTask;
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
