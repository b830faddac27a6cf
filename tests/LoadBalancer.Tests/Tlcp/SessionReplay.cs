using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>
/// Replays a captured session through the engine: the client's bytes go through the server's own record layer,
/// ClientHello parser and client-flight handling (<see cref="ClientFlight.ReceiveAsync"/>, which decrypts the premaster or
/// derives the ECDHE master, verifies the client certificates, CertificateVerify and Finished); the server's bytes are
/// read with the same record layer and checked against what the engine computes.
/// </summary>
internal sealed class SessionReplay
{
    private readonly CapturedSession _session;
    private readonly RecordReader _clientBytes;
    private readonly RecordReader _serverBytes;
    private readonly Transcript _transcript = new();
    private readonly HandshakeChannel _client;
    private readonly HandshakeChannel _server;

    private SessionReplay(CapturedSession session)
    {
        _session = session;
        _clientBytes = new RecordReader(new MemoryStream(session.ClientToServer));
        _serverBytes = new RecordReader(new MemoryStream(session.ServerToClient));
        var discard = new RecordWriter(Stream.Null);
        _client = new HandshakeChannel(_clientBytes, discard, _transcript);
        _server = new HandshakeChannel(_serverBytes, discard, _transcript);
    }

    public byte[] ClientRandom { get; private set; } = [];

    public byte[] ServerRandom { get; private set; } = [];

    public TlcpCipherSuite Suite { get; private set; }

    public List<X509Certificate> ServerCertificates { get; private set; } = [];

    public byte[] ServerKeyExchange { get; private set; } = [];

    public byte[]? Premaster { get; private set; }

    public byte[] Master { get; private set; } = [];

    public TlcpHandshakeInfo? ClientCertificates { get; private set; }

    public byte[]? CapturedServerFinished { get; private set; }

    public byte[]? ExpectedServerFinished { get; private set; }

    public byte[] ClientApplicationData { get; private set; } = [];

    public byte[] ServerApplicationData { get; private set; } = [];

    public List<ContentType> ClientRecordsAfterFinished { get; } = [];

    public static async Task<SessionReplay> RunAsync(CapturedSession session)
    {
        var replay = new SessionReplay(session);
        await replay.ReadHellosAsync();
        var context = replay.Context();
        var keyExchange = replay.KeyExchange(context);
        var authentication = session.ClientAuth
            ? new ClientAuthentication([CapturedSession.Ca()], TlcpCipherSuites.IsEcdhe(replay.Suite), CapturedSession.VectorTime)
            : null;
        replay.Master = await ClientFlight.ReceiveAsync(replay._client, context, keyExchange, authentication, CancellationToken.None);
        if (context.Client is { } client)
        {
            replay.ClientCertificates = new TlcpHandshakeInfo(replay.Suite, null, context.Credentials, client.SignCertificate, client.EncryptionCertificate, client.Presented);
        }

        if (session.ServerFinished)
        {
            await replay.ReadServerFinishedAsync();
        }

        replay.ClientApplicationData = await ReadApplicationDataAsync(replay._clientBytes, replay.ClientRecordsAfterFinished);
        replay.ServerApplicationData = session.ServerFinished ? await ReadApplicationDataAsync(replay._serverBytes, []) : [];
        return replay;
    }

    private async Task ReadHellosAsync()
    {
        var hello = ClientHelloMessage.Parse((await _client.ExpectAsync(HandshakeType.ClientHello, CancellationToken.None)).Body);
        ClientRandom = hello.Random;
        var serverHello = ServerHelloMessage.Parse((await _server.ExpectAsync(HandshakeType.ServerHello, CancellationToken.None)).Body);
        ServerRandom = serverHello.Random;
        Suite = serverHello.Suite;
        ServerCertificates = CertificateListMessage.Parse((await _server.ExpectAsync(HandshakeType.Certificate, CancellationToken.None)).Body);
        ServerKeyExchange = (await _server.ExpectAsync(HandshakeType.ServerKeyExchange, CancellationToken.None)).Body.ToArray();
        var next = await _server.ReadMessageAsync(CancellationToken.None);
        if (next.Type == HandshakeType.CertificateRequest)
        {
            next = await _server.ReadMessageAsync(CancellationToken.None);
        }

        Assert.Equal(HandshakeType.ServerHelloDone, next.Type);
    }

    private HandshakeContext Context() => new()
    {
        Suite = Suite,
        ClientRandom = ClientRandom,
        ServerRandom = ServerRandom,
        Credentials = CapturedSession.ServerCredentials(),
        Random = new SecureRandom(),
    };

    private IServerKeyExchange KeyExchange(HandshakeContext context) =>
        TlcpCipherSuites.IsEcdhe(Suite)
            ? new KeylogKeyExchange(_session.KeylogMaster ?? throw new InvalidOperationException("ECDHE session without keylog"))
            : new PremasterRecordingKeyExchange(this);

    /// <summary>Server Finished: computed by the engine over the transcript (with Tongsuo's NewSessionTicket), read from the capture.</summary>
    private async Task ReadServerFinishedAsync()
    {
        if (_session.IsTongsuo)
        {
            await _server.ExpectAsync(HandshakeType.NewSessionTicket, CancellationToken.None);
        }

        ExpectedServerFinished = KeySchedule.Finished(Master, client: false, _transcript.Hash());
        await _server.ExpectChangeCipherSpecAsync(CancellationToken.None);
        _serverBytes.ChangeProtection(KeySchedule.Protection(Suite, Master, ClientRandom, ServerRandom, clientWrite: false));
        CapturedServerFinished = (await _server.ExpectAsync(HandshakeType.Finished, CancellationToken.None)).Body.ToArray();
    }

    private static async Task<byte[]> ReadApplicationDataAsync(RecordReader reader, List<ContentType> types)
    {
        using var data = new MemoryStream();
        while (await reader.ReadAsync(CancellationToken.None) is { } record)
        {
            types.Add(record.Type);
            if (record.Type == ContentType.ApplicationData)
            {
                data.Write(record.Payload.Span);
            }
        }

        return data.ToArray();
    }

    /// <summary>The engine's ECC key exchange, keeping the decrypted premaster for the test to see.</summary>
    private sealed class PremasterRecordingKeyExchange(SessionReplay replay) : IServerKeyExchange
    {
        private readonly EccKeyExchange _engine = new();

        public byte[] ServerKeyExchangeBody(HandshakeContext context) => throw new NotSupportedException();

        public byte[] MasterSecret(HandshakeContext context, ReadOnlySpan<byte> clientKeyExchange)
        {
            replay.Premaster = EccKeyExchange.DecryptPremaster(context, clientKeyExchange);
            return _engine.MasterSecret(context, clientKeyExchange);
        }
    }

    /// <summary>ECDHE: the engine reads the client's point (either form); the master comes from the keylog (the server's ephemeral key is gone).</summary>
    private sealed class KeylogKeyExchange(byte[] master) : IServerKeyExchange
    {
        public byte[] ServerKeyExchangeBody(HandshakeContext context) => throw new NotSupportedException();

        public byte[] MasterSecret(HandshakeContext context, ReadOnlySpan<byte> clientKeyExchange)
        {
            EcdheKeyExchange.ReadClientPoint(clientKeyExchange);
            return master;
        }
    }
}
