using System.Buffers;
using System.Buffers.Binary;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>
/// Walks the handshake records at the start of a buffer, reading only their headers (and the 4-byte handshake header),
/// until the records hold a whole ClientHello message.
/// </summary>
internal static class RecordWalker
{
    // Records may legally be tiny; bound the bytes a peer can make us buffer for one ClientHello.
    private const int MaxRecordBytes = 2 * ClientHelloReader.MaxHandshakeBytes;

    public static ClientHelloStatus Locate(in ReadOnlySequence<byte> buffer, out HandshakeLocation location, out string? error)
    {
        location = default;
        var reader = new SequenceReader<byte>(buffer);
        Span<byte> handshakeHeader = stackalloc byte[TlsWire.HandshakeHeaderLength];
        var headerBytes = 0;
        var messageLength = -1;
        var recordBytes = 0;
        var recordCount = 0;
        var handshakeBytes = 0;
        ushort firstVersion = 0;

        while (true)
        {
            var status = ReadRecordHeader(ref reader, recordCount == 0, firstVersion, out var version, out var fragmentLength, out error);
            if (status != ClientHelloStatus.Complete)
            {
                return status;
            }

            if (recordCount == 0)
            {
                firstVersion = version;
            }

            var available = (int)Math.Min(fragmentLength, reader.Remaining);
            if (messageLength < 0)
            {
                headerBytes += CopyHandshakeHeader(in reader, available, handshakeHeader[headerBytes..]);
                if (headerBytes == TlsWire.HandshakeHeaderLength)
                {
                    status = ReadHandshakeHeader(handshakeHeader, out messageLength, out error);
                    if (status != ClientHelloStatus.Complete)
                    {
                        return status;
                    }
                }
            }

            if (available < fragmentLength)
            {
                return ClientHelloStatus.NeedMoreData;
            }

            reader.Advance(fragmentLength);
            recordCount++;
            recordBytes += TlsWire.RecordHeaderLength + fragmentLength;
            handshakeBytes += fragmentLength;
            if (messageLength >= 0 && handshakeBytes >= messageLength)
            {
                location = new HandshakeLocation(firstVersion, messageLength, recordBytes, recordCount);
                return ClientHelloStatus.Complete;
            }

            if (recordBytes > MaxRecordBytes)
            {
                error = $"ClientHello is fragmented over more than {MaxRecordBytes} bytes of records";
                return ClientHelloStatus.TooLarge;
            }
        }
    }

    private static ClientHelloStatus ReadRecordHeader(
        ref SequenceReader<byte> reader, bool first, ushort firstVersion, out ushort version, out int fragmentLength, out string? error)
    {
        version = 0;
        fragmentLength = 0;
        Span<byte> header = stackalloc byte[TlsWire.RecordHeaderLength];
        var available = (int)Math.Min(header.Length, reader.Remaining);
        reader.TryCopyTo(header[..available]);
        error = first ? RecordStart.Check(header[..available]) : CheckFollowingRecord(header[..available], firstVersion);
        if (error is not null)
        {
            return first ? ClientHelloStatus.NotTls : ClientHelloStatus.Malformed;
        }

        if (available < header.Length)
        {
            return ClientHelloStatus.NeedMoreData;
        }

        reader.Advance(header.Length);
        version = BinaryPrimitives.ReadUInt16BigEndian(header[1..]);
        fragmentLength = BinaryPrimitives.ReadUInt16BigEndian(header[3..]);
        error = CheckFragmentLength(fragmentLength);
        return error is null ? ClientHelloStatus.Complete : ClientHelloStatus.Malformed;
    }

    private static string? CheckFollowingRecord(ReadOnlySpan<byte> header, ushort firstVersion)
    {
        if (header.Length >= 1 && header[0] != TlsWire.HandshakeContentType)
        {
            return $"ClientHello is interrupted by a record of content type 0x{header[0]:X2}";
        }

        if (header.Length >= 3 && BinaryPrimitives.ReadUInt16BigEndian(header[1..]) != firstVersion)
        {
            return $"ClientHello continues in a record of version 0x{BinaryPrimitives.ReadUInt16BigEndian(header[1..]):X4}, " +
                $"the first record had 0x{firstVersion:X4}";
        }

        return null;
    }

    private static string? CheckFragmentLength(int fragmentLength) => fragmentLength switch
    {
        0 => "handshake record length is 0",
        > TlsWire.MaxRecordFragment => $"record length {fragmentLength} exceeds {TlsWire.MaxRecordFragment}",
        _ => null,
    };

    private static int CopyHandshakeHeader(in SequenceReader<byte> reader, int available, Span<byte> missing)
    {
        var count = Math.Min(available, missing.Length);
        reader.TryCopyTo(missing[..count]);
        return count;
    }

    private static ClientHelloStatus ReadHandshakeHeader(ReadOnlySpan<byte> header, out int messageLength, out string? error)
    {
        messageLength = -1;
        if (header[0] != TlsWire.ClientHelloType)
        {
            error = $"first handshake message has type {header[0]}, not ClientHello (1)";
            return ClientHelloStatus.Malformed;
        }

        var bodyLength = (header[1] << 16) | (header[2] << 8) | header[3];
        if (bodyLength + TlsWire.HandshakeHeaderLength > ClientHelloReader.MaxHandshakeBytes)
        {
            error = $"ClientHello length {bodyLength} exceeds the limit of {ClientHelloReader.MaxHandshakeBytes} bytes";
            return ClientHelloStatus.TooLarge;
        }

        error = null;
        messageLength = bodyLength + TlsWire.HandshakeHeaderLength;
        return ClientHelloStatus.Complete;
    }
}
