using System.Text;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// A TLCP ClientHello: version 0x0101, random, session id, suites, compression and optional extensions, of which only
/// server_name is read (unknown extensions and the 0x00FF signalling suite are ignored).
/// </summary>
internal sealed class ClientHelloMessage
{
    private const ushort ServerNameExtension = 0;
    private const byte HostNameType = 0;

    public required byte[] Random { get; init; }

    public required IReadOnlyList<ushort> CipherSuites { get; init; }

    public string? ServerName { get; init; }

    public static ClientHelloMessage Parse(ReadOnlySpan<byte> body)
    {
        var reader = new WireReader(body, "ClientHello");
        var version = reader.ReadUInt16();
        if (version != Records.RecordLimits.Version)
        {
            throw new TlcpException(TlcpAlert.ProtocolVersion, $"ClientHello version 0x{version:X4}, expected 0x0101");
        }

        var random = reader.ReadBytes(32).ToArray();
        reader.ReadVector8(0, 32);
        var suites = ReadSuites(reader.ReadVector16(2, 0xFFFE));
        if (!reader.ReadVector8(1, 255).Contains((byte)0))
        {
            throw new TlcpException(TlcpAlert.IllegalParameter, "ClientHello does not offer null compression");
        }

        var serverName = reader.IsEmpty ? null : ReadExtensions(reader.ReadVector16(0, 0xFFFF));
        reader.EnsureEnd();
        return new ClientHelloMessage { Random = random, CipherSuites = suites, ServerName = serverName };
    }

    private static ushort[] ReadSuites(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0)
        {
            throw new TlcpException(TlcpAlert.DecodeError, "malformed ClientHello: odd cipher suite list");
        }

        var suites = new ushort[bytes.Length / 2];
        for (var i = 0; i < suites.Length; i++)
        {
            suites[i] = (ushort)((bytes[2 * i] << 8) | bytes[(2 * i) + 1]);
        }

        return suites;
    }

    private static string? ReadExtensions(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes, "ClientHello extensions");
        var seen = new HashSet<ushort>();
        string? serverName = null;
        while (!reader.IsEmpty)
        {
            var type = reader.ReadUInt16();
            var data = reader.ReadVector16(0, 0xFFFF);
            if (!seen.Add(type))
            {
                throw new TlcpException(TlcpAlert.IllegalParameter, $"ClientHello repeats extension {type}");
            }

            if (type == ServerNameExtension)
            {
                serverName = ReadServerName(data);
            }
        }

        return serverName;
    }

    private static string? ReadServerName(ReadOnlySpan<byte> data)
    {
        var reader = new WireReader(data, "server_name extension");
        var list = new WireReader(reader.ReadVector16(1, 0xFFFF), "server_name list");
        reader.EnsureEnd();
        string? hostName = null;
        while (!list.IsEmpty)
        {
            var nameType = list.ReadUInt8();
            var name = list.ReadVector16(1, 0xFFFF);
            if (nameType == HostNameType && hostName is null)
            {
                hostName = DecodeHostName(name);
            }
        }

        return hostName;
    }

    private static string DecodeHostName(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
        {
            if (b is < 0x21 or > 0x7E)
            {
                throw new TlcpException(TlcpAlert.IllegalParameter, "server_name is not printable ASCII");
            }
        }

        return Encoding.ASCII.GetString(name);
    }
}
