namespace LoadBalancer.Tlcp.Records;

/// <summary>
/// Builds protected records into one buffer and writes them with one call to the inner stream. Callers serialize use
/// (the stream's write lock).
/// </summary>
internal sealed class RecordWriter
{
    private readonly Stream _inner;
    private byte[] _buffer = new byte[RecordLimits.HeaderLength + RecordLimits.MaxFragment];
    private int _length;
    private RecordProtection _protection = NullRecordProtection.Instance;
    private ulong _sequence;

    public RecordWriter(Stream inner) => _inner = inner;

    public void ChangeProtection(RecordProtection protection)
    {
        _protection = protection;
        _sequence = 0;
    }

    /// <summary>Appends <paramref name="data"/> as records of at most 16 KiB of plaintext each (at least one record).</summary>
    public void Append(ContentType type, ReadOnlySpan<byte> data)
    {
        do
        {
            var chunk = data[..Math.Min(data.Length, RecordLimits.MaxPlaintext)];
            AppendRecord(type, chunk);
            data = data[chunk.Length..];
        }
        while (!data.IsEmpty);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_length == 0)
        {
            return;
        }

        var length = _length;
        _length = 0;
        await _inner.WriteAsync(_buffer.AsMemory(0, length), cancellationToken);
        await _inner.FlushAsync(cancellationToken);
    }

    private void AppendRecord(ContentType type, ReadOnlySpan<byte> plaintext)
    {
        EnsureSpace(RecordLimits.HeaderLength + plaintext.Length + _protection.MaxOverhead);
        var record = _buffer.AsSpan(_length);
        var fragmentLength = _protection.Seal(type, _sequence, plaintext, record[RecordLimits.HeaderLength..]);
        _sequence = checked(_sequence + 1);
        record[0] = (byte)type;
        record[1] = RecordLimits.Version >> 8;
        record[2] = RecordLimits.Version & 0xFF;
        record[3] = (byte)(fragmentLength >> 8);
        record[4] = (byte)fragmentLength;
        _length += RecordLimits.HeaderLength + fragmentLength;
    }

    private void EnsureSpace(int needed)
    {
        if (_length + needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
        }
    }
}
