namespace LoadBalancer.Tls.ClientHello;

/// <summary>Tells from the first bytes of a connection whether it starts with a TLS or TLCP handshake record.</summary>
internal static class RecordStart
{
    /// <summary>Checks the content type (1 byte) and, once present, the version (2 bytes) of the first record.</summary>
    /// <returns>null when the start is acceptable so far, else the reason it is not TLS.</returns>
    public static string? Check(ReadOnlySpan<byte> start)
    {
        if (start.IsEmpty)
        {
            return null;
        }

        if (start[0] != TlsWire.HandshakeContentType)
        {
            return DescribeForeignStart(start[0]);
        }

        if (start.Length < 3)
        {
            return null;
        }

        var version = (ushort)((start[1] << 8) | start[2]);
        return TlsWire.IsKnownVersion(version)
            ? null
            : $"first record version 0x{version:X4} is neither TLS (0x03xx) nor TLCP (0x0101)";
    }

    private static string DescribeForeignStart(byte first)
    {
        if ((first & 0x80) != 0)
        {
            return $"first byte 0x{first:X2} has the high bit set: an SSLv2-style hello, not supported";
        }

        return IsHttpMethodLetter(first)
            ? $"first record is not a TLS handshake (content type 0x{first:X2}): plain HTTP sent to a TLS port?"
            : $"first record is not a TLS handshake (content type 0x{first:X2})";
    }

    // First letters of the HTTP/1.x methods and of the HTTP/2 preface (PRI).
    private static bool IsHttpMethodLetter(byte first) => first is (byte)'G' or (byte)'P' or (byte)'H'
        or (byte)'D' or (byte)'O' or (byte)'C' or (byte)'T';
}
