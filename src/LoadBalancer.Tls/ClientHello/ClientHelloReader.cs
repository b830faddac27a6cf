using System.Buffers;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>
/// Reads the ClientHello at the start of a connection from bytes peeked but not consumed: tells TLS from TLCP and
/// from non-TLS traffic, and extracts what listener and certificate selection need.
/// </summary>
public static class ClientHelloReader
{
    /// <summary>A ClientHello handshake message (header included) bigger than this is <see cref="ClientHelloStatus.TooLarge"/>.</summary>
    public const int MaxHandshakeBytes = 64 * 1024;

    /// <summary>Reads the ClientHello from the start of <paramref name="buffer"/>. Never throws.</summary>
    /// <param name="buffer">The bytes received so far, from the first byte of the connection.</param>
    /// <param name="info">Set when the result is <see cref="ClientHelloStatus.Complete"/>.</param>
    /// <param name="error">A short reason when the result is NotTls, Malformed or TooLarge.</param>
    public static ClientHelloStatus TryRead(ReadOnlySequence<byte> buffer, out ClientHelloInfo? info, out string? error)
    {
        info = null;
        if (SingleRecordFastPath.TryLocate(buffer.FirstSpan, out var firstRecord))
        {
            return ClientHelloParser.Parse(
                buffer.FirstSpan.Slice(TlsWire.RecordHeaderLength, firstRecord.MessageLength), firstRecord, out info, out error);
        }

        var status = RecordWalker.Locate(buffer, out var location, out error);
        if (status != ClientHelloStatus.Complete)
        {
            return status;
        }

        if (HandshakeAssembler.TryGetContiguous(buffer, location, out var message))
        {
            return ClientHelloParser.Parse(message, location, out info, out error);
        }

        return ParseAssembled(buffer, location, out info, out error);
    }

    private static ClientHelloStatus ParseAssembled(
        in ReadOnlySequence<byte> buffer, in HandshakeLocation location, out ClientHelloInfo? info, out string? error)
    {
        var rented = ArrayPool<byte>.Shared.Rent(location.MessageLength);
        try
        {
            var message = rented.AsSpan(0, location.MessageLength);
            HandshakeAssembler.CopyTo(buffer, location, message);
            return ClientHelloParser.Parse(message, location, out info, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
