using System.Buffers.Binary;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>
/// The common case: the first segment holds one well-formed record carrying the whole ClientHello. Anything else
/// (including every error) is left to <see cref="RecordWalker"/>, which finds the same location more slowly.
/// </summary>
internal static class SingleRecordFastPath
{
    public static bool TryLocate(ReadOnlySpan<byte> span, out HandshakeLocation location)
    {
        location = default;
        if (span.Length < TlsWire.RecordHeaderLength + TlsWire.HandshakeHeaderLength
            || span[0] != TlsWire.HandshakeContentType
            || span[5] != TlsWire.ClientHelloType)
        {
            return false;
        }

        var version = BinaryPrimitives.ReadUInt16BigEndian(span[1..]);
        int fragmentLength = BinaryPrimitives.ReadUInt16BigEndian(span[3..]);
        var messageLength = ((span[6] << 16) | (span[7] << 8) | span[8]) + TlsWire.HandshakeHeaderLength;
        if (!TlsWire.IsKnownVersion(version)
            || fragmentLength > TlsWire.MaxRecordFragment
            || messageLength > fragmentLength
            || span.Length < TlsWire.RecordHeaderLength + fragmentLength)
        {
            return false;
        }

        location = new HandshakeLocation(version, messageLength, TlsWire.RecordHeaderLength + fragmentLength, 1);
        return true;
    }
}
