namespace LoadBalancer.Tlcp.Records;

/// <summary>Sizes of the record layer (TLS 1.1 limits, as GB/T 38636 keeps them).</summary>
internal static class RecordLimits
{
    public const ushort Version = 0x0101;
    public const int HeaderLength = 5;
    public const int MaxPlaintext = 16384;
    public const int MaxExpansion = 2048;
    public const int MaxFragment = MaxPlaintext + MaxExpansion;
}
