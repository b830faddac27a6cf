using System.Runtime.InteropServices;
using LoadBalancer.Hosting;

namespace LoadBalancer.Tests.Hosting;

/// <summary>The pool Kestrel's transport receives into: 16 KiB blocks, reused, with a bound on what it keeps.</summary>
public sealed class TransportMemoryPoolTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(16 * 1024)]
    public void RentsWholeSixteenKiBBlocks(int size)
    {
        using var pool = new TransportMemoryPool();
        using var block = pool.Rent(size);

        Assert.Equal(16 * 1024, block.Memory.Length);
        Assert.Equal(16 * 1024, pool.MaxBufferSize);
    }

    [Fact]
    public void RefusesMoreThanABlock()
    {
        using var pool = new TransportMemoryPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent((16 * 1024) + 1));
    }

    [Fact]
    public void ReturnedBlockIsRentedAgainWithoutANewAllocation()
    {
        using var pool = new TransportMemoryPool();
        var first = pool.Rent();
        var array = ArrayOf(first);
        first.Dispose();

        using var second = pool.Rent();

        Assert.Same(array, ArrayOf(second));
        Assert.Equal(1, pool.Allocated);
        Assert.Equal(0, pool.Retained);
    }

    [Fact]
    public void KeepsNoMoreFreeBlocksThanItsBound()
    {
        using var pool = new TransportMemoryPool();
        var blocks = Enumerable.Range(0, TransportMemoryPool.MaxRetainedBlocks + 10).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(b => b.Dispose());

        Assert.Equal(TransportMemoryPool.MaxRetainedBlocks, pool.Retained);
    }

    private static byte[] ArrayOf(System.Buffers.IMemoryOwner<byte> block) =>
        MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");
}
