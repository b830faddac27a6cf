namespace LoadBalancer.Tlcp.Records;

/// <summary>Comparisons that return all-ones or zero masks without branching on their arguments.</summary>
internal static class ConstantTime
{
    /// <summary>All-ones when a &lt;= b (both below 2^31).</summary>
    public static uint LessOrEqual(uint a, uint b) => (uint)((int)(a - b - 1) >> 31);

    /// <summary>All-ones when a == b.</summary>
    public static uint Equal(uint a, uint b)
    {
        var difference = a ^ b;
        return (uint)((int)((difference | (0 - difference)) ^ 0x8000_0000u) >> 31);
    }

    /// <summary>All-ones when the spans (of equal length) are equal.</summary>
    public static uint Equal(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        uint difference = 0;
        for (var i = 0; i < a.Length; i++)
        {
            difference |= (uint)(a[i] ^ b[i]);
        }

        return Equal(difference, 0);
    }
}
