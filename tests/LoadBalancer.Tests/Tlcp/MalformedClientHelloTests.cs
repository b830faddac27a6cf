using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>
/// A real ClientHello (GmSSL's, from the vectors) mutated field by field, truncated at every length, or replaced by
/// junk: the server refuses each with an alert, throws only <see cref="TlcpException"/>, and never waits past the end.
/// </summary>
public sealed class MalformedClientHelloTests
{
    private static readonly byte[] Hello = File.ReadAllBytes(
        Path.Combine(AppContext.BaseDirectory, "vectors", "sessions", "gmssl-client_ecc-sm4-cbc-sm3", "client-to-server.bin"))[..70];

    public static TheoryData<string, TlcpAlert> Mutations => new()
    {
        { "record version 0x0303", TlcpAlert.ProtocolVersion },
        { "record type 0x99", TlcpAlert.UnexpectedMessage },
        { "record type application data", TlcpAlert.UnexpectedMessage },
        { "record length over 16384", TlcpAlert.RecordOverflow },
        { "empty handshake record", TlcpAlert.UnexpectedMessage },
        { "handshake type ServerHello", TlcpAlert.UnexpectedMessage },
        { "handshake length beyond the record", TlcpAlert.HandshakeFailure },
        { "handshake length over 64 KiB", TlcpAlert.DecodeError },
        { "client version 0x0303", TlcpAlert.ProtocolVersion },
        { "session id of 33 bytes", TlcpAlert.DecodeError },
        { "odd cipher suite list", TlcpAlert.DecodeError },
        { "empty cipher suite list", TlcpAlert.DecodeError },
        { "no compression methods", TlcpAlert.DecodeError },
        { "no null compression", TlcpAlert.IllegalParameter },
        { "extensions longer than the message", TlcpAlert.DecodeError },
        { "server name not ASCII", TlcpAlert.IllegalParameter },
        { "server name longer than its list", TlcpAlert.DecodeError },
        { "byte after the extensions", TlcpAlert.DecodeError },
        { "no common cipher suite", TlcpAlert.HandshakeFailure },
        { "TLS 1.2 record", TlcpAlert.ProtocolVersion },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task MutatedClientHelloIsRefusedWithAlert(string mutation, TlcpAlert alert)
    {
        var (error, output) = await ScriptedServer.RunAsync(Mutate(mutation), TlcpTestPki.Shared.ServerOptions());

        ScriptedServer.AssertRefused(error, output, alert);
    }

    [Fact]
    public async Task EveryTruncationOfTheClientHelloIsRefusedWithAlert()
    {
        for (var length = 0; length < Hello.Length; length++)
        {
            var (error, output) = await ScriptedServer.RunAsync(Hello[..length], TlcpTestPki.Shared.ServerOptions());

            ScriptedServer.AssertRefused(error, output);
        }
    }

    [Fact]
    public async Task ByteFlipsInHeadersAndLengthsAreRefusedWithAlert()
    {
        foreach (var offset in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 43, 44, 45, 48, 49, 50, 51, 54, 55, 57, 59, 60 })
        {
            var mutated = (byte[])Hello.Clone();
            mutated[offset] ^= 0x5A;

            var (error, output) = await ScriptedServer.RunAsync(mutated, TlcpTestPki.Shared.ServerOptions());

            ScriptedServer.AssertRefused(error, output);
        }
    }

    [Fact]
    public async Task RandomJunkIsRefusedWithAlert()
    {
        var random = new Random(38636);
        for (var i = 0; i < 50; i++)
        {
            var junk = new byte[random.Next(1, 300)];
            random.NextBytes(junk);
            if (i % 2 == 0)
            {
                Hello.AsSpan(0, Math.Min(9, junk.Length)).CopyTo(junk);
            }

            var (error, output) = await ScriptedServer.RunAsync(junk, TlcpTestPki.Shared.ServerOptions());

            ScriptedServer.AssertRefused(error, output);
        }
    }

    [Fact]
    public async Task FatalAlertFromClientEndsHandshakeWithoutAnswer()
    {
        var (error, output) = await ScriptedServer.RunAsync([0x15, 0x01, 0x01, 0x00, 0x02, 0x02, 0x28], TlcpTestPki.Shared.ServerOptions());

        var refusal = ScriptedServer.AssertRefused(error, output, TlcpAlert.HandshakeFailure);
        Assert.True(refusal.SentByPeer);
        Assert.Empty(output);
    }

    [Fact]
    public async Task EcdheOnlyClientIsRefusedWhenNoClientCaIsConfigured()
    {
        var mutated = (byte[])Hello.Clone();
        mutated[46] = 0xE0;
        mutated[47] = 0x51;
        var options = new TlcpServerOptions { Credentials = TlcpTestPki.Shared.ServerCredentials };

        var (error, output) = await ScriptedServer.RunAsync(mutated, options);

        ScriptedServer.AssertRefused(error, output, TlcpAlert.HandshakeFailure);
    }

    [Fact]
    public async Task SelectorWithoutCredentialsRefusesWithHandshakeFailure()
    {
        var options = new TlcpServerOptions { CredentialsSelector = _ => null };

        var (error, output) = await ScriptedServer.RunAsync(Hello, options);

        ScriptedServer.AssertRefused(error, output, TlcpAlert.HandshakeFailure);
    }

    [Fact]
    public void ClientHelloInfoIsReadFromABufferedRecord()
    {
        Assert.True(TlcpClientHelloInfo.TryParse(Hello, out var info));
        Assert.Equal("localhost", info!.ServerName);
        Assert.Equal([(ushort)0xE013], info.CipherSuites);
        Assert.False(TlcpClientHelloInfo.TryParse(Hello.AsSpan(0, 40), out _));
        Assert.False(TlcpClientHelloInfo.TryParse(Mutate("TLS 1.2 record"), out _));
    }

    private static byte[] Mutate(string mutation)
    {
        var r = (byte[])Hello.Clone();
        switch (mutation)
        {
            case "record version 0x0303": r[1] = 3; r[2] = 3; break;
            case "record type 0x99": r[0] = 0x99; break;
            case "record type application data": r[0] = 0x17; break;
            case "record length over 16384": r[3] = 0x40; r[4] = 0x01; break;
            case "empty handshake record": r[3] = 0; r[4] = 0; break;
            case "handshake type ServerHello": r[5] = 2; break;
            case "handshake length beyond the record": r[8] += 10; break;
            case "handshake length over 64 KiB": r[6] = 1; break;
            case "client version 0x0303": r[9] = 3; r[10] = 3; break;
            case "session id of 33 bytes": r[43] = 33; break;
            case "odd cipher suite list": r[45] = 3; break;
            case "empty cipher suite list": r[45] = 0; break;
            case "no compression methods": r[48] = 0; break;
            case "no null compression": r[49] = 1; break;
            case "extensions longer than the message": r[51] += 1; break;
            case "server name not ASCII": r[61] = 0xC3; break;
            case "server name longer than its list": r[60] = 0x20; break;
            case "byte after the extensions": r = [.. r, 0]; r[4] += 1; r[8] += 1; break;
            case "no common cipher suite": r[46] = 0x00; r[47] = 0x2F; break;
            case "TLS 1.2 record": r[1] = 3; r[2] = 1; r[9] = 3; r[10] = 3; break;
            default: throw new ArgumentException(mutation, nameof(mutation));
        }

        return r;
    }
}
