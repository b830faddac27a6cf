using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>A full TLCP server handshake (no resumption): ClientHello in, first flight out, client flight in, Finished out.</summary>
internal sealed class ServerHandshake
{
    private static readonly SecureRandom SharedRandom = new();
    private readonly TlcpServerOptions _options;
    private readonly HandshakeChannel _channel;

    public ServerHandshake(TlcpServerOptions options, HandshakeChannel channel)
    {
        _options = options;
        _channel = channel;
    }

    public async Task<TlcpHandshakeInfo> RunAsync(CancellationToken cancellationToken)
    {
        var helloMessage = await _channel.ExpectAsync(HandshakeType.ClientHello, cancellationToken);
        var hello = ClientHelloMessage.Parse(helloMessage.Body);
        var helloInfo = new TlcpClientHelloInfo(hello.ServerName, hello.CipherSuites);
        var context = new HandshakeContext
        {
            Suite = Negotiation.ChooseSuite(_options, hello.CipherSuites),
            ClientRandom = hello.Random,
            ServerRandom = NewServerRandom(),
            Credentials = Negotiation.ChooseCredentials(_options, helloInfo),
            ServerName = hello.ServerName,
            Random = SharedRandom,
        };

        IServerKeyExchange keyExchange = TlcpCipherSuites.IsEcdhe(context.Suite) ? new EcdheKeyExchange() : new EccKeyExchange();
        var clientAuthentication = Negotiation.ClientAuthentication(_options, context.Suite);
        ServerFlight.Send(_channel, context, keyExchange, clientAuthentication);
        await _channel.FlushAsync(cancellationToken);

        var master = await ClientFlight.ReceiveAsync(_channel, context, keyExchange, clientAuthentication, cancellationToken);
        await ClientFlight.SendServerFinishedAsync(_channel, context, master, cancellationToken);
        return Result(context);
    }

    private static TlcpHandshakeInfo Result(HandshakeContext context) => new(
        context.Suite,
        context.ServerName,
        context.Credentials,
        context.Client?.SignCertificate,
        context.Client?.EncryptionCertificate,
        context.Client?.Presented ?? []);

    /// <summary>gmt_unix_time (4 bytes) then 28 random bytes.</summary>
    private static byte[] NewServerRandom()
    {
        var random = SharedRandom.GenerateSeed(32);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(random, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return random;
    }
}
