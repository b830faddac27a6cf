using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>Decodes lists of big-endian 16-bit values, after checking their length.</summary>
internal static class WireLists
{
    /// <returns>null when the list is well formed, else the reason naming <paramref name="field"/>.</returns>
    public static string? CheckUInt16List(ReadOnlySpan<byte> bytes, string field, bool allowEmpty = false)
    {
        if (bytes.IsEmpty && !allowEmpty)
        {
            return $"{field} list is empty";
        }

        return (bytes.Length & 1) != 0 ? $"{field} length {bytes.Length} is odd" : null;
    }

    public static ushort[] ReadUInt16List(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return [];
        }

        var values = new ushort[bytes.Length / 2];
        var raw = MemoryMarshal.Cast<byte, ushort>(bytes);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(raw, values);
        }
        else
        {
            raw.CopyTo(values);
        }

        return values;
    }
}
