using System.Buffers;
using System.Buffers.Binary;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>Copies the fragments of a ClientHello that spans records or segments into one contiguous buffer.</summary>
internal static class HandshakeAssembler
{
    /// <summary>The message as a single span when it lies in one record within one segment, else default.</summary>
    public static bool TryGetContiguous(in ReadOnlySequence<byte> buffer, in HandshakeLocation location, out ReadOnlySpan<byte> message)
    {
        message = default;
        if (location.RecordCount != 1)
        {
            return false;
        }

        var slice = buffer.Slice(TlsWire.RecordHeaderLength, location.MessageLength);
        if (!slice.IsSingleSegment)
        {
            return false;
        }

        message = slice.FirstSpan;
        return true;
    }

    /// <summary>Copies the message's bytes, record after record, into <paramref name="destination"/>.</summary>
    public static void CopyTo(in ReadOnlySequence<byte> buffer, in HandshakeLocation location, Span<byte> destination)
    {
        Span<byte> lengthBytes = stackalloc byte[2];
        long recordStart = 0;
        var written = 0;
        while (written < location.MessageLength)
        {
            buffer.Slice(recordStart + 3, 2).CopyTo(lengthBytes);
            int fragmentLength = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
            var take = Math.Min(fragmentLength, location.MessageLength - written);
            buffer.Slice(recordStart + TlsWire.RecordHeaderLength, take).CopyTo(destination[written..]);
            written += take;
            recordStart += TlsWire.RecordHeaderLength + fragmentLength;
        }
    }
}
