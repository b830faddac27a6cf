using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// The server's first flight: ServerHello, Certificate (signing, encryption, chain), ServerKeyExchange,
/// [CertificateRequest], ServerHelloDone.
/// </summary>
internal static class ServerFlight
{
    private static readonly byte[] ClientCertificateTypes = [0x01, 0x40];

    public static void Send(HandshakeChannel channel, HandshakeContext context, IServerKeyExchange keyExchange, ClientAuthentication? clientAuthentication)
    {
        channel.Send(ServerHello(context));
        channel.Send(Certificate(context.Credentials));
        channel.Send(Message(HandshakeType.ServerKeyExchange, keyExchange.ServerKeyExchangeBody(context)));
        if (clientAuthentication is not null)
        {
            channel.Send(CertificateRequest(clientAuthentication));
        }

        channel.Send(Message(HandshakeType.ServerHelloDone, []));
    }

    /// <summary>A fresh session id is sent, though sessions are not resumed: a client that offers it gets a full handshake.</summary>
    private static WireWriter ServerHello(HandshakeContext context)
    {
        var writer = new WireWriter();
        var start = writer.StartMessage(HandshakeType.ServerHello);
        writer.WriteUInt16(Records.RecordLimits.Version);
        writer.WriteBytes(context.ServerRandom);
        writer.WriteUInt8(32);
        writer.WriteBytes(context.Random.GenerateSeed(32));
        writer.WriteUInt16((ushort)context.Suite);
        writer.WriteUInt8(0);
        writer.EndVector(start, 3);
        return writer;
    }

    private static WireWriter Certificate(TlcpServerCredentials credentials)
    {
        var writer = new WireWriter();
        var start = writer.StartMessage(HandshakeType.Certificate);
        CertificateListMessage.Write(writer, credentials.CertificateEntries);
        writer.EndVector(start, 3);
        return writer;
    }

    /// <summary><c>certificate_types</c> as Tongsuo sends them (rsa_sign, ecdsa_sign), then the CAs' subject names.</summary>
    private static WireWriter CertificateRequest(ClientAuthentication clientAuthentication)
    {
        var writer = new WireWriter();
        var start = writer.StartMessage(HandshakeType.CertificateRequest);
        writer.WriteUInt8(ClientCertificateTypes.Length);
        writer.WriteBytes(ClientCertificateTypes);
        var names = writer.StartVector(2);
        foreach (var authority in clientAuthentication.Authorities)
        {
            var name = writer.StartVector(2);
            writer.WriteBytes(authority.SubjectDN.GetEncoded());
            writer.EndVector(name, 2);
        }

        writer.EndVector(names, 2);
        writer.EndVector(start, 3);
        return writer;
    }

    public static WireWriter Message(HandshakeType type, ReadOnlySpan<byte> body)
    {
        var writer = new WireWriter();
        var start = writer.StartMessage(type);
        writer.WriteBytes(body);
        writer.EndVector(start, 3);
        return writer;
    }
}
