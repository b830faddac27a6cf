namespace LoadBalancer.Tls.ClientHello;

/// <summary>Parses a whole, contiguous ClientHello handshake message (header included).</summary>
internal static class ClientHelloParser
{
    public static ClientHelloStatus Parse(
        ReadOnlySpan<byte> message, in HandshakeLocation location, out ClientHelloInfo? info, out string? error)
    {
        info = null;
        var cursor = new SpanCursor(message[TlsWire.HandshakeHeaderLength..]);
        error = ReadFixedPart(ref cursor, out var legacyVersion, out var cipherSuites);
        var extensions = default(ExtensionValues);
        error ??= ReadExtensions(ref cursor, ref extensions);
        if (error is not null)
        {
            return ClientHelloStatus.Malformed;
        }

        info = new ClientHelloInfo(
            location.RecordVersion,
            legacyVersion,
            extensions.SupportedVersions ?? [],
            cipherSuites,
            extensions.SignatureAlgorithms,
            extensions.SupportedGroups ?? [],
            extensions.ServerName,
            extensions.ApplicationProtocols ?? [],
            location.RecordBytes);
        return ClientHelloStatus.Complete;
    }

    private static string? ReadFixedPart(ref SpanCursor cursor, out ushort legacyVersion, out ushort[] cipherSuites)
    {
        cipherSuites = [];
        if (!cursor.TryReadUInt16(out legacyVersion))
        {
            return "ClientHello too short for client_version";
        }

        if (!cursor.TryReadBytes(TlsWire.RandomLength, out _))
        {
            return "ClientHello too short for random";
        }

        var error = ReadSessionId(ref cursor) ?? ReadCipherSuites(ref cursor, out cipherSuites);
        return error ?? ReadCompressionMethods(ref cursor);
    }

    private static string? ReadSessionId(ref SpanCursor cursor)
    {
        if (!cursor.TryReadVector8(out var sessionId))
        {
            return "session_id length exceeds the ClientHello";
        }

        return sessionId.Length > TlsWire.MaxSessionIdLength
            ? $"session_id length {sessionId.Length} exceeds {TlsWire.MaxSessionIdLength}"
            : null;
    }

    private static string? ReadCipherSuites(ref SpanCursor cursor, out ushort[] cipherSuites)
    {
        cipherSuites = [];
        if (!cursor.TryReadVector16(out var suites))
        {
            return "cipher_suites length exceeds the ClientHello";
        }

        var error = WireLists.CheckUInt16List(suites, "cipher_suites");
        if (error is null)
        {
            cipherSuites = WireLists.ReadUInt16List(suites);
        }

        return error;
    }

    private static string? ReadCompressionMethods(ref SpanCursor cursor)
    {
        if (!cursor.TryReadVector8(out var methods))
        {
            return "compression_methods length exceeds the ClientHello";
        }

        return methods.IsEmpty ? "compression_methods list is empty" : null;
    }

    private static string? ReadExtensions(ref SpanCursor cursor, ref ExtensionValues values)
    {
        if (cursor.Remaining == 0)
        {
            return null; // pre-TLS 1.2 clients (and some TLCP ones) may send no extensions block at all
        }

        if (!cursor.TryReadVector16(out var block))
        {
            return "extensions length exceeds the ClientHello";
        }

        if (cursor.Remaining != 0)
        {
            return $"{cursor.Remaining} bytes after the extensions block";
        }

        return ReadExtensionBlock(block, ref values);
    }

    private static string? ReadExtensionBlock(ReadOnlySpan<byte> block, ref ExtensionValues values)
    {
        var cursor = new SpanCursor(block);
        while (cursor.Remaining > 0)
        {
            if (!cursor.TryReadUInt16(out var type) || !cursor.TryReadVector16(out var data))
            {
                return "extension length exceeds the extensions block";
            }

            var error = ExtensionReader.Read(type, data, ref values);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
