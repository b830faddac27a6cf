using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Handshake;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>A ServerHello as a TLCP client reads it: version 0x0101, random, session id, suite, null compression, extensions ignored.</summary>
internal sealed record ServerHelloMessage(byte[] Random, TlcpCipherSuite Suite)
{
    public static ServerHelloMessage Parse(ReadOnlySpan<byte> body)
    {
        var reader = new WireReader(body, "ServerHello");
        if (reader.ReadUInt16() != 0x0101)
        {
            throw new TlcpException(TlcpAlert.ProtocolVersion, "ServerHello is not TLCP");
        }

        var random = reader.ReadBytes(32).ToArray();
        reader.ReadVector8(0, 32);
        var suite = (TlcpCipherSuite)reader.ReadUInt16();
        if (reader.ReadUInt8() != 0)
        {
            throw new TlcpException(TlcpAlert.IllegalParameter, "ServerHello chose a compression");
        }

        return new ServerHelloMessage(random, suite);
    }
}
