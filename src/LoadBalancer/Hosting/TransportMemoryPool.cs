using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace LoadBalancer.Hosting;

/// <summary>
/// The memory Kestrel's transport receives into and sends from: pinned blocks of 16 KiB, one pool for the process.
/// </summary>
/// <remarks>
/// Kestrel's own pool has 4 KiB blocks, so a connection's socket receive never takes more than 4 KiB: a full TLS record
/// (16 KiB) coming in cost four receives, each followed by a zero-byte wait and a hand-off to the reader. With 16 KiB
/// blocks one receive takes a record: TCPSSL bulk went from about 8 to about 2 receive calls per record, and more MB/s
/// on less CPU (docs/benchmarks.md, fix 15). An idle connection holds no block either way (its receive waits with a
/// zero-byte read before taking one), so idle memory does not change. At most <see cref="MaxRetainedBlocks"/> free
/// blocks are kept; blocks returned beyond that are left to the garbage collector. Kestrel disposes the pool it was
/// given when a listener stops; the pool is shared by every listener, so that changes nothing.
/// </remarks>
internal sealed class TransportMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 16 * 1024;
    public const int MaxRetainedBlocks = 1024;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _retained;
    private long _allocated;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Free blocks kept for reuse.</summary>
    public int Retained => Volatile.Read(ref _retained);

    /// <summary>Blocks allocated so far (for the tests).</summary>
    public long Allocated => Interlocked.Read(ref _allocated);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _retained);
            return block;
        }

        Interlocked.Increment(ref _allocated);
        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing)
    {
        // Shared by every listener: one listener's end leaves the pool to the others.
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _retained) <= MaxRetainedBlocks)
        {
            _free.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _retained);
        }
    }

    /// <summary>One block; disposing it (the pipe does when it is done with the segment) gives it back.</summary>
    private sealed class Block(TransportMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = MemoryMarshal.CreateFromPinnedArray(array, 0, array.Length);

        public void Dispose() => pool.Return(this);
    }
}
