namespace LoadBalancer.Tlcp.Records;

internal sealed class NullRecordProtection : RecordProtection
{
    public static readonly NullRecordProtection Instance = new();

    public override int MaxOverhead => 0;

    public override int Seal(ContentType type, ulong sequence, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        plaintext.CopyTo(destination);
        return plaintext.Length;
    }

    public override bool TryOpen(ContentType type, ulong sequence, Span<byte> fragment, out int offset, out int length)
    {
        offset = 0;
        length = fragment.Length;
        return true;
    }
}
