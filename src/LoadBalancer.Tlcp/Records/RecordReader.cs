namespace LoadBalancer.Tlcp.Records;

/// <summary>
/// Reads records from the inner stream, from its first byte: checks the header, bounds the length, opens the fragment
/// with the current protection. One reader at a time.
/// </summary>
internal sealed class RecordReader
{
    private readonly Stream _inner;
    private readonly byte[] _buffer = new byte[RecordLimits.HeaderLength + RecordLimits.MaxFragment];
    private RecordProtection _protection = NullRecordProtection.Instance;
    private ulong _sequence;

    public RecordReader(Stream inner) => _inner = inner;

    public bool IsProtected => _protection is not NullRecordProtection;

    public void ChangeProtection(RecordProtection protection)
    {
        _protection = protection;
        _sequence = 0;
    }

    /// <summary>Reads the next record; null at a clean end of stream between records.</summary>
    public async ValueTask<TlcpRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(0, RecordLimits.HeaderLength, atRecordStart: true, cancellationToken))
        {
            return null;
        }

        var (type, length) = ParseHeader(_buffer);
        await FillAsync(RecordLimits.HeaderLength, length, atRecordStart: false, cancellationToken);
        var fragment = _buffer.AsMemory(RecordLimits.HeaderLength, length);
        return Open(type, fragment);
    }

    private (ContentType Type, int Length) ParseHeader(ReadOnlySpan<byte> header)
    {
        var type = (ContentType)header[0];
        if (type is not (ContentType.ChangeCipherSpec or ContentType.Alert or ContentType.Handshake or ContentType.ApplicationData))
        {
            throw new TlcpException(TlcpAlert.UnexpectedMessage, $"record of unknown content type {header[0]}");
        }

        var version = (header[1] << 8) | header[2];
        if (version != RecordLimits.Version)
        {
            throw new TlcpException(TlcpAlert.ProtocolVersion, $"record version 0x{version:X4}, expected 0x0101");
        }

        var length = (header[3] << 8) | header[4];
        var limit = IsProtected ? RecordLimits.MaxFragment : RecordLimits.MaxPlaintext;
        if (length > limit)
        {
            throw new TlcpException(TlcpAlert.RecordOverflow, $"record of {length} bytes, more than {limit}");
        }

        return (type, length);
    }

    private TlcpRecord Open(ContentType type, Memory<byte> fragment)
    {
        if (!_protection.TryOpen(type, _sequence, fragment.Span, out var offset, out var length))
        {
            throw new TlcpException(TlcpAlert.BadRecordMac, "record failed its integrity check");
        }

        if (length > RecordLimits.MaxPlaintext)
        {
            throw new TlcpException(TlcpAlert.RecordOverflow, $"record plaintext of {length} bytes");
        }

        if (length == 0 && type != ContentType.ApplicationData)
        {
            throw new TlcpException(TlcpAlert.UnexpectedMessage, $"empty {type} record");
        }

        _sequence = checked(_sequence + 1);
        return new TlcpRecord(type, fragment.Slice(offset, length));
    }

    private async ValueTask<bool> FillAsync(int offset, int count, bool atRecordStart, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < count)
        {
            var n = await _inner.ReadAsync(_buffer.AsMemory(offset + read, count - read), cancellationToken);
            if (n == 0)
            {
                if (atRecordStart && read == 0)
                {
                    return false;
                }

                throw new TlcpException(TlcpAlert.DecodeError, "connection closed inside a record");
            }

            read += n;
        }

        return true;
    }
}
