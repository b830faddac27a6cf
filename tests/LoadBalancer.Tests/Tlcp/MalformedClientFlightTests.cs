using System.Net.Sockets;
using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Handshake;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>
/// A live client whose second flight (Certificate, ClientKeyExchange, CertificateVerify, ChangeCipherSpec, Finished) is
/// corrupted on the wire or message by message: the server refuses every variant with an alert the client receives,
/// throws only <see cref="TlcpException"/>, and does not hang.
/// </summary>
public sealed class MalformedClientFlightTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(TlcpCipherSuite.EccSm4CbcSm3)]
    [InlineData(TlcpCipherSuite.EcdheSm4GcmSm3)]
    public async Task ByteFlipsAcrossTheSecondFlightAreRefused(TlcpCipherSuite suite)
    {
        var length = await SecondFlightLengthAsync(suite);
        for (var offset = 0; offset < length; offset += 11)
        {
            var at = offset;
            await AssertRefusedAsync(suite, flight => { flight[Math.Min(at, flight.Length - 1)] ^= 0x01; return flight; }, $"flip at {at}");
        }
    }

    [Theory]
    [InlineData(TlcpCipherSuite.EccSm4GcmSm3)]
    [InlineData(TlcpCipherSuite.EcdheSm4CbcSm3)]
    public async Task TruncatedSecondFlightsAreRefused(TlcpCipherSuite suite)
    {
        // The flight's length varies by a byte or two between handshakes (DER signatures): never keep all of it.
        var length = await SecondFlightLengthAsync(suite);
        for (var keep = 0; keep < length; keep += 17)
        {
            var n = keep;
            await AssertRefusedAsync(suite, flight => flight[..Math.Min(n, flight.Length - 1)], $"truncated to {n}");
        }
    }

    public static TheoryData<string, TlcpCipherSuite, TlcpAlert> MessageMutations => new()
    {
        { "ClientKeyExchange length prefix too long", TlcpCipherSuite.EccSm4CbcSm3, TlcpAlert.DecodeError },
        { "ClientKeyExchange not DER", TlcpCipherSuite.EccSm4CbcSm3, TlcpAlert.BadRecordMac },
        { "ECDHE point off the curve", TlcpCipherSuite.EcdheSm4GcmSm3, TlcpAlert.IllegalParameter },
        { "ECDHE curve not SM2", TlcpCipherSuite.EcdheSm4GcmSm3, TlcpAlert.DecodeError },
        { "empty client Certificate", TlcpCipherSuite.EcdheSm4CbcSm3, TlcpAlert.HandshakeFailure },
        { "client certificate not DER", TlcpCipherSuite.EcdheSm4CbcSm3, TlcpAlert.BadCertificate },
        { "CertificateVerify signature changed", TlcpCipherSuite.EcdheSm4GcmSm3, TlcpAlert.DecryptError },
        { "Finished changed", TlcpCipherSuite.EccSm4GcmSm3, TlcpAlert.DecryptError },
        { "Finished too long", TlcpCipherSuite.EccSm4CbcSm3, TlcpAlert.DecryptError },
    };

    [Theory]
    [MemberData(nameof(MessageMutations))]
    public async Task MalformedMessagesAreRefusedWithTheirAlert(string mutation, TlcpCipherSuite suite, TlcpAlert alert)
    {
        var options = TlcpTestPki.Shared.ClientOptions(suite) with { MutateMessage = (type, message) => MutateMessage(mutation, type, message) };
        await using var server = new TlcpLoopbackServer(TlcpTestPki.Shared.ServerOptions());
        using var tcp = await server.ConnectAsync();

        var clientError = await Record.ExceptionAsync(() => TlcpTestClient.ConnectAsync(tcp.GetStream(), options).WaitAsync(Timeout));

        var serverError = await Record.ExceptionAsync(async () => await (await server.ConnectionAsync(0, Timeout)).WaitAsync(Timeout));
        Assert.Equal(alert, Assert.IsType<TlcpException>(serverError).Alert);
        var seen = Assert.IsType<TlcpException>(clientError);
        Assert.True(seen.SentByPeer);
        Assert.Equal(alert, seen.Alert);
    }

    private static byte[] MutateMessage(string mutation, HandshakeType type, byte[] message)
    {
        switch (mutation, type)
        {
            case ("ClientKeyExchange length prefix too long", HandshakeType.ClientKeyExchange):
                message[5] += 1;
                break;
            case ("ClientKeyExchange not DER", HandshakeType.ClientKeyExchange):
                message[6] = 0x04;
                break;
            case ("ECDHE point off the curve", HandshakeType.ClientKeyExchange):
                message[^1] ^= 0x01;
                break;
            case ("ECDHE curve not SM2", HandshakeType.ClientKeyExchange):
                message[6] = 0x17;
                break;
            case ("empty client Certificate", HandshakeType.Certificate):
                return [11, 0, 0, 3, 0, 0, 0];
            case ("client certificate not DER", HandshakeType.Certificate):
                message[10] = 0x05;
                break;
            case ("CertificateVerify signature changed", HandshakeType.CertificateVerify):
                message[^1] ^= 0x01;
                break;
            case ("Finished changed", HandshakeType.Finished):
                message[^1] ^= 0x01;
                break;
            case ("Finished too long", HandshakeType.Finished):
                return [20, 0, 0, 13, .. message[4..], 0];
        }

        return message;
    }

    private static async Task<int> SecondFlightLengthAsync(TlcpCipherSuite suite)
    {
        var length = 0;
        await AssertRefusedAsync(suite, flight => { length = flight.Length; flight[^1] ^= 0x01; return flight; }, "measure");
        return length;
    }

    private static async Task AssertRefusedAsync(TlcpCipherSuite suite, Func<byte[], byte[]> mutate, string what)
    {
        await using var server = new TlcpLoopbackServer(TlcpTestPki.Shared.ServerOptions());
        using var tcp = await server.ConnectAsync();
        var stream = new MutatingStream(tcp.Client, writeIndex: 1, mutate);

        var clientError = await Record.ExceptionAsync(() => TlcpTestClient.ConnectAsync(stream, TlcpTestPki.Shared.ClientOptions(suite)).WaitAsync(Timeout));

        var serverError = await Record.ExceptionAsync(async () => await (await server.ConnectionAsync(0, Timeout)).WaitAsync(Timeout));
        Assert.True(serverError is TlcpException, $"{what}: server saw {serverError?.ToString() ?? "a completed handshake"}; client saw {clientError}");
        var refusal = (TlcpException)serverError!;
        Assert.False(refusal.SentByPeer, what);
        var seen = Assert.IsType<TlcpException>(clientError);
        Assert.True(seen.SentByPeer && seen.Alert == refusal.Alert, $"{what}: client saw {seen.Message}, server refused with {refusal.Alert}: {refusal.Message}");
    }
}
