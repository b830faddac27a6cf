using System.Text;
using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>Our TLCP client against our TLCP server over real sockets on 127.0.0.1.</summary>
public sealed class LoopbackTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static TheoryData<TlcpCipherSuite, bool> SuitesAndForms => new()
    {
        { TlcpCipherSuite.EccSm4CbcSm3, false },
        { TlcpCipherSuite.EccSm4GcmSm3, false },
        { TlcpCipherSuite.EcdheSm4CbcSm3, false },
        { TlcpCipherSuite.EcdheSm4GcmSm3, false },
        { TlcpCipherSuite.EcdheSm4CbcSm3, true },
        { TlcpCipherSuite.EcdheSm4GcmSm3, true },
    };

    [Theory]
    [MemberData(nameof(SuitesAndForms))]
    public async Task CompletesHandshakeAndCarriesDataBothWays(TlcpCipherSuite suite, bool gmSslForms)
    {
        var pki = TlcpTestPki.Shared;
        await using var server = new TlcpLoopbackServer(pki.ServerOptions());
        using var tcp = await server.ConnectAsync();

        await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), pki.ClientOptions(suite, gmSslForms));
        await client.SendAsync("hello over TLCP");
        var echoed = await client.ReceiveAsync();

        Assert.Equal(suite, client.Suite);
        Assert.Equal("hello over TLCP", Encoding.ASCII.GetString(echoed!));
        await client.SendAlertAsync();
        var facts = await (await server.ConnectionAsync(0, Timeout)).WaitAsync(Timeout);
        Assert.Equal(suite, facts.CipherSuite);
        Assert.Equal("localhost", facts.ServerName);
        Assert.Same(pki.ServerCredentials, facts.Credentials);
        Assert.Equal(TlcpCipherSuites.IsEcdhe(suite), facts.ClientSignCertificate is not null);
        Assert.Equal(TlcpCipherSuites.IsEcdhe(suite), facts.ClientEncryptionCertificate is not null);
    }

    [Theory]
    [InlineData(TlcpCipherSuite.EccSm4CbcSm3)]
    [InlineData(TlcpCipherSuite.EccSm4GcmSm3)]
    public async Task CarriesAMegabyteEachWay(TlcpCipherSuite suite)
    {
        var pki = TlcpTestPki.Shared;
        await using var server = new TlcpLoopbackServer(pki.ServerOptions());
        using var tcp = await server.ConnectAsync();
        await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), pki.ClientOptions(suite));
        var data = new byte[1 << 20];
        Random.Shared.NextBytes(data);

        var receiving = Task.Run(async () =>
        {
            using var all = new MemoryStream();
            while (all.Length < data.Length && await client.ReceiveAsync() is { } chunk)
            {
                all.Write(chunk);
            }

            return all.ToArray();
        });
        for (var offset = 0; offset < data.Length; offset += 50_000)
        {
            await client.SendAsync(data.AsMemory(offset, Math.Min(50_000, data.Length - offset)));
        }

        Assert.Equal(data, await receiving.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ZeroLengthRecordIsNotEndOfStream()
    {
        var pki = TlcpTestPki.Shared;
        await using var server = new TlcpLoopbackServer(pki.ServerOptions());
        using var tcp = await server.ConnectAsync();
        await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), pki.ClientOptions(TlcpCipherSuite.EccSm4GcmSm3));

        await client.SendAsync(ReadOnlyMemory<byte>.Empty);
        await client.SendAsync("after the empty record");

        Assert.Equal("after the empty record", Encoding.ASCII.GetString((await client.ReceiveAsync().WaitAsync(Timeout))!));
    }

    [Fact]
    public async Task CloseNotifyEndsTheServerReadAndIsAnswered()
    {
        var pki = TlcpTestPki.Shared;
        await using var server = new TlcpLoopbackServer(pki.ServerOptions());
        using var tcp = await server.ConnectAsync();
        await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), pki.ClientOptions(TlcpCipherSuite.EccSm4CbcSm3));

        await client.SendAlertAsync();

        Assert.Null(await client.ReceiveAsync().WaitAsync(Timeout));
        await (await server.ConnectionAsync(0, Timeout)).WaitAsync(Timeout);
    }

    [Fact]
    public async Task SelectorGetsTheServerNameAndChoosesCredentials()
    {
        var pki = TlcpTestPki.Shared;
        var other = new TlcpTestPki("other.example.com");
        string? seen = null;
        var options = new TlcpServerOptions
        {
            CredentialsSelector = hello =>
            {
                seen = hello.ServerName;
                return hello.ServerName == "other.example.com" ? other.ServerCredentials : pki.ServerCredentials;
            },
        };
        await using var server = new TlcpLoopbackServer(options);
        using var tcp = await server.ConnectAsync();

        await using var client = await TlcpTestClient.ConnectAsync(
            tcp.GetStream(), other.ClientOptions(TlcpCipherSuite.EccSm4GcmSm3) with { ServerName = "other.example.com" });

        Assert.Equal("other.example.com", seen);
        Assert.Equal(other.ServerSign.Certificate, client.ServerSignCertificate);
    }

    [Fact]
    public async Task PrefersTheServersSuiteOrder()
    {
        var pki = TlcpTestPki.Shared;
        await using var server = new TlcpLoopbackServer(pki.ServerOptions(TlcpCipherSuite.EccSm4GcmSm3, TlcpCipherSuite.EccSm4CbcSm3));
        using var tcp = await server.ConnectAsync();

        await using var client = await TlcpTestClient.ConnectAsync(
            tcp.GetStream(), pki.ClientOptions(TlcpCipherSuite.EccSm4CbcSm3) with { CipherSuites = [TlcpCipherSuite.EccSm4CbcSm3, TlcpCipherSuite.EccSm4GcmSm3] });

        Assert.Equal(TlcpCipherSuite.EccSm4GcmSm3, client.Suite);
    }

    [Fact]
    public async Task ServerWritesWhileItReads()
    {
        var pki = TlcpTestPki.Shared;
        var payload = new byte[256 * 1024];
        await using var server = new TlcpLoopbackServer(pki.ServerOptions(), async stream =>
        {
            var writing = stream.WriteAsync(payload).AsTask();
            var buffer = new byte[1024];
            var read = await stream.ReadAsync(buffer);
            await writing;
            await stream.WriteAsync(buffer.AsMemory(0, read));
        });
        using var tcp = await server.ConnectAsync();
        await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), pki.ClientOptions(TlcpCipherSuite.EccSm4GcmSm3));

        await client.SendAsync("ping");
        using var all = new MemoryStream();
        while (all.Length < payload.Length + 4 && await client.ReceiveAsync().WaitAsync(Timeout) is { } chunk)
        {
            all.Write(chunk);
        }

        Assert.Equal(payload.Length + 4, all.Length);
        Assert.Equal("ping", Encoding.ASCII.GetString(all.ToArray(), payload.Length, 4));
    }
}
