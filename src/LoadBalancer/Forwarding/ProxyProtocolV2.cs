using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LoadBalancer.Forwarding;

/// <summary>
/// The PROXY protocol v2 header (haproxy.org proxy-protocol.txt) sent to the backend before any data: the client's
/// address and port, the listener's, and TLVs for the SNI (PP2_TYPE_AUTHORITY), the negotiated ALPN
/// (PP2_TYPE_ALPN) and the TLS facts (PP2_TYPE_SSL: version, cipher, and with a client certificate its verify result
/// and subject CN).
/// </summary>
internal static class ProxyProtocolV2
{
    private const byte Alpn = 0x01;
    private const byte Authority = 0x02;
    private const byte Ssl = 0x20;
    private const byte SslVersion = 0x21;
    private const byte SslCommonName = 0x22;
    private const byte SslCipher = 0x23;
    private const byte ClientSsl = 0x01;
    private const byte ClientCertConnection = 0x02;
    private const byte ClientCertSession = 0x04;

    private static ReadOnlySpan<byte> Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    public static byte[] Header(IPEndPoint source, IPEndPoint destination, ProxyTlsFacts? tls)
    {
        var (from, to) = SameFamily(source.Address, destination.Address);
        var tlvs = Tlvs(tls);
        var addressLength = from.AddressFamily == AddressFamily.InterNetwork ? 12 : 36;
        var header = new byte[16 + addressLength + tlvs.Length];
        Signature.CopyTo(header);
        header[12] = 0x21; // version 2, PROXY
        header[13] = from.AddressFamily == AddressFamily.InterNetwork ? (byte)0x11 : (byte)0x21; // TCP over IPv4 / IPv6
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(14), (ushort)(addressLength + tlvs.Length));
        var addresses = header.AsSpan(16);
        var size = addressLength == 12 ? 4 : 16;
        from.TryWriteBytes(addresses, out _);
        to.TryWriteBytes(addresses[size..], out _);
        BinaryPrimitives.WriteUInt16BigEndian(addresses[(2 * size)..], (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(addresses[(2 * size + 2)..], (ushort)destination.Port);
        tlvs.CopyTo(header.AsSpan(16 + addressLength));
        return header;
    }

    /// <summary>Both addresses in one family: IPv4-mapped ones as IPv4, or both as IPv6 when they differ.</summary>
    private static (IPAddress From, IPAddress To) SameFamily(IPAddress from, IPAddress to)
    {
        from = from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from;
        to = to.IsIPv4MappedToIPv6 ? to.MapToIPv4() : to;
        return from.AddressFamily == to.AddressFamily ? (from, to) : (from.MapToIPv6(), to.MapToIPv6());
    }

    private static byte[] Tlvs(ProxyTlsFacts? tls)
    {
        if (tls is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        if (tls.ServerName is { Length: > 0 })
        {
            Write(buffer, Authority, Encoding.ASCII.GetBytes(tls.ServerName));
        }

        if (tls.Alpn is { Length: > 0 })
        {
            Write(buffer, Alpn, Encoding.ASCII.GetBytes(tls.Alpn));
        }

        Write(buffer, Ssl, SslValue(tls));
        return buffer.ToArray();
    }

    private static byte[] SslValue(ProxyTlsFacts tls)
    {
        using var value = new MemoryStream();
        var withCertificate = tls.ClientCommonName is not null;
        value.WriteByte((byte)(ClientSsl | (withCertificate ? ClientCertConnection | ClientCertSession : 0)));
        Span<byte> verify = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(verify, withCertificate && !tls.ClientCertificateVerified ? 1u : 0u);
        value.Write(verify);
        Write(value, SslVersion, Encoding.ASCII.GetBytes(tls.Version));
        Write(value, SslCipher, Encoding.ASCII.GetBytes(tls.Cipher));
        if (withCertificate)
        {
            Write(value, SslCommonName, Encoding.UTF8.GetBytes(tls.ClientCommonName!));
        }

        return value.ToArray();
    }

    private static void Write(Stream stream, byte type, ReadOnlySpan<byte> value)
    {
        Span<byte> head = stackalloc byte[3];
        head[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(head[1..], (ushort)value.Length);
        stream.Write(head);
        stream.Write(value);
    }
}
