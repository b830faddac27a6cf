using System.Collections.Concurrent;
using System.Text;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>Known answers from every captured session of real TLCP clients (Tongsuo, GmSSL) and servers.</summary>
public sealed class KnownAnswerTests
{
    private static readonly ConcurrentDictionary<string, Task<SessionReplay>> Replays = new();

    private static Task<SessionReplay> Replay(string name) =>
        Replays.GetOrAdd(name, n => SessionReplay.RunAsync(CapturedSession.Get(n)));

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task ServerChoseTheCapturedSuite(string name)
    {
        var replay = await Replay(name);

        Assert.Equal(CapturedSession.Get(name).Suite, replay.Suite);
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task PremasterDecryptsWithServerEncryptionKey(string name)
    {
        var replay = await Replay(name);
        if (TlcpCipherSuites.IsEcdhe(replay.Suite))
        {
            Assert.Null(replay.Premaster);
            return;
        }

        Assert.NotNull(replay.Premaster);
        Assert.Equal(48, replay.Premaster.Length);
        Assert.Equal([0x01, 0x01], replay.Premaster[..2]);
        Assert.Equal(KeySchedule.MasterSecret(replay.Premaster, replay.ClientRandom, replay.ServerRandom), replay.Master);
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task MasterSecretEqualsKeylog(string name)
    {
        var session = CapturedSession.Get(name);
        var replay = await Replay(name);

        Assert.Equal(48, replay.Master.Length);
        if (session.KeylogMaster is { } keylog)
        {
            Assert.Equal(Convert.ToHexString(keylog), Convert.ToHexString(replay.Master));
        }
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task ServerFinishedMatchesKeySchedule(string name)
    {
        var session = CapturedSession.Get(name);
        var replay = await Replay(name);
        if (!session.ServerFinished)
        {
            Assert.Null(replay.CapturedServerFinished);
            return;
        }

        Assert.NotNull(replay.ExpectedServerFinished);
        Assert.Equal(Convert.ToHexString(replay.ExpectedServerFinished), Convert.ToHexString(replay.CapturedServerFinished!));
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task ServerKeyExchangeSignatureVerifies(string name)
    {
        var replay = await Replay(name);
        var signKey = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)replay.ServerCertificates[0].GetPublicKey();
        var ske = replay.ServerKeyExchange;

        bool verified;
        if (TlcpCipherSuites.IsEcdhe(replay.Suite))
        {
            Assert.Equal([0x03, 0x00, 0x29, 0x41, 0x04], ske[..5]);
            verified = ServerKeyExchangeMessage.Verify(signKey, replay.ClientRandom, replay.ServerRandom, ske.AsSpan(0, 69), ske.AsSpan(69));
        }
        else
        {
            var encryption = replay.ServerCertificates[1].GetEncoded();
            var signed = ServerKeyExchangeMessage.EccSignedContent(replay.ClientRandom, replay.ServerRandom, encryption);
            verified = ServerKeyExchangeMessage.Verify(signKey, replay.ClientRandom, replay.ServerRandom, signed.AsSpan(64), ske);
        }

        Assert.True(verified);
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task ServerCertificatesAreThePkiPair(string name)
    {
        var replay = await Replay(name);
        var credentials = CapturedSession.ServerCredentials();

        Assert.Equal(credentials.SignCertificate, replay.ServerCertificates[0]);
        Assert.Equal(credentials.EncryptionCertificate, replay.ServerCertificates[1]);
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task ClientCertificatesAndCertificateVerifyAreAccepted(string name)
    {
        var session = CapturedSession.Get(name);
        var replay = await Replay(name);
        if (!session.ClientAuth)
        {
            Assert.Null(replay.ClientCertificates);
            return;
        }

        var client = replay.ClientCertificates!;
        Assert.Contains(TlcpCipherSuites.IsEcdhe(session.Suite) ? "TLCP" : "GmSSL", client.ClientSignCertificate!.SubjectDN.ToString(), StringComparison.Ordinal);
        Assert.Equal(TlcpCipherSuites.IsEcdhe(session.Suite), client.ClientEncryptionCertificate is not null);
    }

    [Theory]
    [MemberData(nameof(CapturedSession.Names), MemberType = typeof(CapturedSession))]
    public async Task ApplicationDataDecrypts(string name)
    {
        var session = CapturedSession.Get(name);
        var replay = await Replay(name);
        var request = Encoding.ASCII.GetString(replay.ClientApplicationData);
        var response = Encoding.ASCII.GetString(replay.ServerApplicationData);

        if (!session.ServerFinished)
        {
            Assert.Equal([ContentType.Alert], replay.ClientRecordsAfterFinished);
            return;
        }

        Assert.StartsWith("GET /", request, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.0", request, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.0 200", response, StringComparison.Ordinal);
        Assert.Equal(ContentType.Alert, replay.ClientRecordsAfterFinished[^1]);
    }
}
