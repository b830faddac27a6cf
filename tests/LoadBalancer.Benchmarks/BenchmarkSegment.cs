using System.Buffers;

namespace LoadBalancer.Benchmarks;

/// <summary>Builds a two-segment sequence, as a pipe delivers bytes that arrived in two reads.</summary>
internal sealed class BenchmarkSegment : ReadOnlySequenceSegment<byte>
{
    private BenchmarkSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, int cut)
    {
        var first = new BenchmarkSegment(bytes.AsMemory(0, cut), 0);
        var second = new BenchmarkSegment(bytes.AsMemory(cut), cut);
        first.Next = second;
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }
}
