using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>After the handshake: renegotiation, stray records and corrupted data end the connection with an alert.</summary>
public sealed class PostHandshakeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static TheoryData<string, TlcpAlert> Violations => new()
    {
        { "ClientHello (renegotiation)", TlcpAlert.NoRenegotiation },
        { "ChangeCipherSpec", TlcpAlert.UnexpectedMessage },
        { "corrupted application data", TlcpAlert.BadRecordMac },
        { "fatal alert", TlcpAlert.InternalError },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task ViolationEndsTheConnectionWithAlert(string violation, TlcpAlert alert)
    {
        Exception? serverRead = null;
        await using var server = new TlcpLoopbackServer(TlcpTestPki.Shared.ServerOptions(), async stream =>
        {
            serverRead = await Record.ExceptionAsync(async () => _ = await stream.ReadAsync(new byte[100]));
        });
        using var tcp = await server.ConnectAsync();
        var suite = violation == "corrupted application data" ? TlcpCipherSuite.EccSm4CbcSm3 : TlcpCipherSuite.EccSm4GcmSm3;
        var stream = violation == "corrupted application data"
            ? (Stream)new MutatingStream(tcp.Client, writeIndex: 2, data => { data[^3] ^= 0x80; return data; })
            : tcp.GetStream();
        await using var client = await TlcpTestClient.ConnectAsync(stream, TlcpTestPki.Shared.ClientOptions(suite));

        await Violate(client, violation);
        var clientError = await Record.ExceptionAsync(() => client.ReceiveAsync().WaitAsync(Timeout));
        await (await server.ConnectionAsync(0, Timeout)).WaitAsync(Timeout);

        var failure = Assert.IsType<TlcpException>(Assert.IsType<IOException>(serverRead).InnerException);
        Assert.Equal(alert, failure.Alert);
        if (violation != "fatal alert")
        {
            var seen = Assert.IsType<TlcpException>(clientError);
            Assert.Equal(alert, seen.Alert);
        }
    }

    private static async Task Violate(TlcpTestClient client, string violation)
    {
        switch (violation)
        {
            case "ClientHello (renegotiation)":
                await client.SendRecordAsync(ContentType.Handshake, [1, 0, 0, 4, 1, 1, 0, 0]);
                break;
            case "ChangeCipherSpec":
                await client.SendRecordAsync(ContentType.ChangeCipherSpec, [1]);
                break;
            case "corrupted application data":
                await client.SendAsync("this record is corrupted on the wire");
                break;
            case "fatal alert":
                await client.SendAlertAsync(2, TlcpAlert.InternalError);
                break;
        }
    }
}
