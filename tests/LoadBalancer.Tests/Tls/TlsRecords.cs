using System.Buffers;

namespace LoadBalancer.Tests.Tls;

/// <summary>Builds record layouts and segmented buffers around a handshake message.</summary>
internal static class TlsRecords
{
    /// <summary>The handshake message of a single-record hello (drops the 5-byte record header).</summary>
    public static byte[] MessageOf(byte[] singleRecord) => singleRecord[5..];

    /// <summary>Wraps <paramref name="message"/> into handshake records of the given fragment sizes (the last takes the rest).</summary>
    public static byte[] Wrap(byte[] message, ushort version, params int[] fragmentSizes)
    {
        var records = new List<byte>();
        var offset = 0;
        foreach (var size in fragmentSizes.Append(message.Length))
        {
            var take = Math.Min(size, message.Length - offset);
            if (take == 0)
            {
                break;
            }

            records.AddRange([0x16, (byte)(version >> 8), (byte)version, (byte)(take >> 8), (byte)take]);
            records.AddRange(message.AsSpan(offset, take));
            offset += take;
        }

        return [.. records];
    }

    /// <summary>A sequence of several segments, cut at the given offsets.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, params int[] cuts)
    {
        var bounds = cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order().Append(bytes.Length).ToArray();
        var first = new Segment(bytes.AsMemory(0, bounds[0]), 0);
        var last = first;
        for (var i = 1; i < bounds.Length; i++)
        {
            last = last.Append(bytes.AsMemory(bounds[i - 1], bounds[i] - bounds[i - 1]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
