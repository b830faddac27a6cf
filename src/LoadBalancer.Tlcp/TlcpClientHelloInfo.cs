using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tlcp;

/// <summary>What the credentials selector learns from a TLCP ClientHello.</summary>
public sealed class TlcpClientHelloInfo
{
    internal TlcpClientHelloInfo(string? serverName, IReadOnlyList<ushort> cipherSuites)
    {
        ServerName = serverName;
        CipherSuites = cipherSuites;
    }

    /// <summary>The server_name (SNI) host name as sent, or null.</summary>
    public string? ServerName { get; }

    /// <summary>Every cipher suite id the client offered, in its order (unknown ones included).</summary>
    public IReadOnlyList<ushort> CipherSuites { get; }

    /// <summary>
    /// Reads a TLCP ClientHello from the start of a connection already buffered: one record (<c>16 01 01</c>) holding the
    /// whole ClientHello. False when the bytes are not that (incomplete, fragmented across records, not TLCP, malformed).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> firstBytes, out TlcpClientHelloInfo? info)
    {
        info = null;
        if (firstBytes.Length < RecordLimits.HeaderLength + HandshakeMessage.HeaderLength
            || firstBytes[0] != (byte)ContentType.Handshake || firstBytes[1] != 0x01 || firstBytes[2] != 0x01)
        {
            return false;
        }

        var recordLength = (firstBytes[3] << 8) | firstBytes[4];
        var record = firstBytes.Slice(RecordLimits.HeaderLength, Math.Min(recordLength, firstBytes.Length - RecordLimits.HeaderLength));
        var messageLength = (record[1] << 16) | (record[2] << 8) | record[3];
        if (record[0] != (byte)HandshakeType.ClientHello || HandshakeMessage.HeaderLength + messageLength > record.Length)
        {
            return false;
        }

        try
        {
            var hello = ClientHelloMessage.Parse(record.Slice(HandshakeMessage.HeaderLength, messageLength));
            info = new TlcpClientHelloInfo(hello.ServerName, hello.CipherSuites);
            return true;
        }
        catch (TlcpException)
        {
            return false;
        }
    }
}
