namespace LoadBalancer.Tlcp.Records;

/// <summary>Protects the records of one direction: null before ChangeCipherSpec, then SM4-CBC+HMAC-SM3 or SM4-GCM.</summary>
internal abstract class RecordProtection
{
    /// <summary>The most a protected fragment can be longer than its plaintext.</summary>
    public abstract int MaxOverhead { get; }

    /// <summary>Writes the protected fragment of <paramref name="plaintext"/> to <paramref name="destination"/>; returns its length.</summary>
    public abstract int Seal(ContentType type, ulong sequence, ReadOnlySpan<byte> plaintext, Span<byte> destination);

    /// <summary>
    /// Opens a fragment in place: the plaintext is <paramref name="fragment"/>[offset..offset+length]. Returns false when it is
    /// not authentic, without telling why (one alert, bad_record_mac, for every cause).
    /// </summary>
    public abstract bool TryOpen(ContentType type, ulong sequence, Span<byte> fragment, out int offset, out int length);

    /// <summary>The authenticated header TLS 1.1 MACs and GCM uses as associated data.</summary>
    protected static void WriteAdditionalData(Span<byte> destination, ulong sequence, ContentType type, int length)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, sequence);
        destination[8] = (byte)type;
        destination[9] = RecordLimits.Version >> 8;
        destination[10] = RecordLimits.Version & 0xFF;
        destination[11] = (byte)(length >> 8);
        destination[12] = (byte)length;
    }

    protected const int AdditionalDataLength = 13;
}
