using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Hosting;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Functional;

/// <summary>NLB TCP and TCPSSL listeners against a real TCP echo backend: bytes both ways, half-close, failover.</summary>
public sealed class TcpListenerTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private readonly TcpEchoServer _echo = new();
    private readonly ProxyHeaderServer _proxyTcp = new();
    private readonly ProxyHeaderServer _proxyTls = new();
    private readonly SilentTcpServer _silent = new();
    private readonly ProxyHeaderServer _proxyMutual = new();
    private readonly GreetThenListenServer _greetTcp = new("hello from the server"u8.ToArray());
    private readonly GreetThenListenServer _greetTls = new("hello over tls"u8.ToArray());
    private RunningLoadBalancer _host = null!;
    private int _tcp;
    private int _tcpSsl;
    private int _failover;
    private int _allDown;
    private int _h2Preferred;
    private int _h2Optional;
    private int _http1Only;
    private int _proxyTcpPort;
    private int _proxyTlsPort;
    private int _idle;
    private int _mutual;
    private int _silentPort;
    private int _proxyMutualPort;
    private int _greetTcpPort;
    private int _greetTlsPort;
    private TestCertificate _clientRoot = null!;

    public async Task InitializeAsync()
    {
        _scenario.AddCertificate("cert-wild", ["*.example.com"]);
        (_tcp, _tcpSsl, _failover, _allDown) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        (_h2Preferred, _h2Optional, _http1Only) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        (_proxyTcpPort, _proxyTlsPort) = (PortAllocator.Next(), PortAllocator.Next());
        (_idle, _mutual, _silentPort) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        _clientRoot = _scenario.Pki.CreateRoot("TCP Client CA");
        var clientCaFile = _scenario.Pki.WriteCertificate(_clientRoot, "tcp-client-ca");
        (_proxyMutualPort, _greetTcpPort, _greetTlsPort) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        var dead = PortAllocator.Next();
        _scenario.Write(new LoadBalancerConfig
        {
            Certificates = [.. _scenario.Certificates],
            CaCertificates = [new CaCertificateConfig { CertificateId = "ca-tcp-clients", CertificateFile = _scenario.Relative(clientCaFile) }],
            ServerGroups =
            [
                TcpGroup("sgp-echo", (_echo.Port, 100)),
                TcpGroup("sgp-failover", (dead, 100), (_echo.Port, 100)),
                TcpGroup("sgp-dead", (dead, 100)),
                TcpGroup("sgp-proxy-tcp", (_proxyTcp.Port, 100)),
                TcpGroup("sgp-proxy-tls", (_proxyTls.Port, 100)),
                TcpGroup("sgp-silent", (_silent.Port, 100)),
                TcpGroup("sgp-proxy-mutual", (_proxyMutual.Port, 100)),
                TcpGroup("sgp-greet-tcp", (_greetTcp.Port, 100)),
                TcpGroup("sgp-greet-tls", (_greetTls.Port, 100)),
            ],
            LoadBalancers =
            [
                new LoadBalancerInstanceConfig
                {
                    LoadBalancerId = "nlb-test", LoadBalancerType = "NLB", Address = "127.0.0.1",
                    Listeners =
                    [
                        new ListenerConfig { ListenerId = "lsn-tcp", ListenerProtocol = "TCP", ListenerPort = _tcp, ServerGroupId = "sgp-echo" },
                        new ListenerConfig { ListenerId = "lsn-tcpssl", ListenerProtocol = "TCPSSL", ListenerPort = _tcpSsl, ServerGroupId = "sgp-echo", CertificateIds = ["cert-wild"] },
                        new ListenerConfig { ListenerId = "lsn-failover", ListenerProtocol = "TCP", ListenerPort = _failover, ServerGroupId = "sgp-failover" },
                        new ListenerConfig { ListenerId = "lsn-down", ListenerProtocol = "TCP", ListenerPort = _allDown, ServerGroupId = "sgp-dead" },
                        Alpn("lsn-h2-preferred", _h2Preferred, "HTTP2Preferred"),
                        Alpn("lsn-h2-optional", _h2Optional, "HTTP2Optional"),
                        Alpn("lsn-http1-only", _http1Only, "HTTP1Only"),
                        new ListenerConfig { ListenerId = "lsn-proxy-tcp", ListenerProtocol = "TCP", ListenerPort = _proxyTcpPort, ServerGroupId = "sgp-proxy-tcp", ProxyProtocolEnabled = true },
                        Alpn("lsn-proxy-tls", _proxyTlsPort, "HTTP2Preferred") with { ServerGroupId = "sgp-proxy-tls", ProxyProtocolEnabled = true, SecurityPolicyId = "tls_cipher_policy_1_2_strict_with_1_3" },
                        new ListenerConfig { ListenerId = "lsn-silent", ListenerProtocol = "TCP", ListenerPort = _silentPort, ServerGroupId = "sgp-silent" },
                        new ListenerConfig { ListenerId = "lsn-idle", ListenerProtocol = "TCP", ListenerPort = _idle, ServerGroupId = "sgp-echo", IdleTimeout = 10 },
                        new ListenerConfig
                        {
                            ListenerId = "lsn-mutual", ListenerProtocol = "TCPSSL", ListenerPort = _mutual, ServerGroupId = "sgp-echo", CertificateIds = ["cert-wild"],
                            CaEnabled = true, CaCertificateIds = ["ca-tcp-clients"],
                        },
                        new ListenerConfig
                        {
                            ListenerId = "lsn-proxy-mutual", ListenerProtocol = "TCPSSL", ListenerPort = _proxyMutualPort, ServerGroupId = "sgp-proxy-mutual",
                            CertificateIds = ["cert-wild"], CaEnabled = true, CaCertificateIds = ["ca-tcp-clients"], ProxyProtocolEnabled = true,
                        },
                        new ListenerConfig { ListenerId = "lsn-greet-tcp", ListenerProtocol = "TCP", ListenerPort = _greetTcpPort, ServerGroupId = "sgp-greet-tcp" },
                        new ListenerConfig { ListenerId = "lsn-greet-tls", ListenerProtocol = "TCPSSL", ListenerPort = _greetTlsPort, ServerGroupId = "sgp-greet-tls", CertificateIds = ["cert-wild"] },
                    ],
                },
            ],
        });
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _echo.Dispose();
        _proxyTcp.Dispose();
        _proxyTls.Dispose();
        _silent.Dispose();
        _proxyMutual.Dispose();
        _greetTcp.Dispose();
        _greetTls.Dispose();
        _scenario.Dispose();
    }

    [Fact]
    public async Task TcpPipesEightMegabytesBothWaysByteForByteAndPassesTheHalfCloseOn()
    {
        var payload = RandomBytes(8 * 1024 * 1024);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _tcp);
        await using var stream = new NetworkStream(socket);

        var reading = ReadToEndAsync(stream);
        await stream.WriteAsync(payload);
        socket.Shutdown(SocketShutdown.Send);   // the echo server answers all, then closes: only if our FIN reached it
        var echoed = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(payload.Length, echoed.Length);
        Assert.True(payload.AsSpan().SequenceEqual(echoed), "the echoed bytes differ");
    }

    [Fact]
    public async Task TcpSslEndsTlsWithTheCertificateForTheSniAndPipesTheClearBytes()
    {
        var (payload, echoed, subject) = await EchoOverTcpSslAsync(4 * 1024 * 1024);

        Assert.Equal("CN=cert-wild", subject);
        Assert.True(payload.AsSpan().SequenceEqual(echoed), "the echoed bytes differ");
        await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "Sni") == "db.example.com" && CapturedLogs.Property(e, "ListenerId") == "lsn-tcpssl");
    }

    [Fact]
    public async Task TcpSslReceivesIntoTheTransportPoolsSixteenKiBBlocks()
    {
        var pool = _host.Service<TransportMemoryPool>();

        var (payload, echoed, _) = await EchoOverTcpSslAsync(1024 * 1024);

        Assert.True(payload.AsSpan().SequenceEqual(echoed), "the echoed bytes differ");
        // Kestrel's transport takes the pool's blocks (its own pool has 4 KiB ones), and gives them back.
        Assert.True(pool.Allocated > 0 && pool.Retained > 0, $"allocated {pool.Allocated}, retained {pool.Retained}");
        Assert.Same(pool, _host.Service<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>>().Create());
    }

    [Fact]
    public async Task OpensslVerifiesTheTcpSslChainAndGetsTheCertificateForItsSni()
    {
        var result = await Openssl.ConnectAsync(_tcpSsl, "mqtt.example.com", "-CAfile", _scenario.RootFile);

        Assert.Contains("Verify return code: 0 (ok)", result.All, StringComparison.Ordinal);
        Assert.Equal("cert-wild", Openssl.SubjectCommonName(result));
    }

    [Fact]
    public async Task ServerThatRefusesIsSkippedForTheNextOne()
    {
        for (var i = 0; i < 3; i++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, _failover);
            await using var stream = new NetworkStream(socket);
            await stream.WriteAsync("hello"u8.ToArray());
            socket.Shutdown(SocketShutdown.Send);

            Assert.Equal("hello"u8.ToArray(), await ReadToEndAsync(stream).WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task WhenNoServerAnswersTheClientIsClosedPromptlyAndTheLogSaysWhy()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _allDown);
        var clock = Stopwatch.StartNew();
        await using var stream = new NetworkStream(socket);

        var read = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, read);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"closed after {clock.Elapsed}");
        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ServerGroupId") == "sgp-dead");
        Assert.Contains("refused", CapturedLogs.Property(line, "Reasons"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AlpnPolicyDecidesWhatOpensslNegotiates()
    {
        Assert.Equal("h2", Openssl.Alpn(await Openssl.ConnectAsync(_h2Preferred, "a.example.com", "-alpn", "http/1.1,h2")));
        Assert.Equal("http/1.1", Openssl.Alpn(await Openssl.ConnectAsync(_h2Optional, "a.example.com", "-alpn", "h2,http/1.1")));
        Assert.Equal("http/1.0", Openssl.Alpn(await Openssl.ConnectAsync(_http1Only, "a.example.com", "-alpn", "h2,http/1.0")));
        Assert.Null(Openssl.Alpn(await Openssl.ConnectAsync(_tcpSsl, "a.example.com", "-alpn", "h2,http/1.1")));
    }

    [Fact]
    public async Task ProxyProtocolHeaderTellsTheBackendTheClientAddressBeforeAnyData()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _proxyTcpPort);
        await socket.SendAsync("after the header"u8.ToArray());

        var header = await _proxyTcp.Header.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(socket.LocalEndPoint, header.Source);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, _proxyTcpPort), header.Destination);
        Assert.Null(header.SslClient);
    }

    [Fact]
    public async Task ProxyProtocolHeaderOnTcpSslCarriesTheSniAlpnAndTlsFacts()
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _proxyTlsPort);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "broker.example.com",
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        await tls.WriteAsync("data"u8.ToArray());

        var header = await _proxyTls.Header.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(tcp.Client.LocalEndPoint, header.Source);
        Assert.Equal("broker.example.com", header.Authority);
        Assert.Equal("h2", header.Alpn);
        Assert.Equal((byte)0x01, header.SslClient);
        Assert.Equal(0u, header.SslVerify);
        Assert.Equal("TLSv1.3", header.SslVersion);
        Assert.StartsWith("TLS_", header.SslCipher, StringComparison.Ordinal);
        Assert.Null(header.SslCommonName);
    }

    [Fact]
    public async Task ProxyProtocolHeaderUnderMutualTlsCarriesTheClientCertificatesVerifyResultAndCommonName()
    {
        var device = _scenario.Pki.IssueClient(_clientRoot, "device-7");

        Assert.Equal("ping", await EchoOverTlsAsync(_proxyMutualPort, "meter.example.com", device.Certificate));
        var header = await _proxyMutual.Header.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("meter.example.com", header.Authority);
        Assert.Equal((byte)0x07, header.SslClient);   // PP2_CLIENT_SSL | PP2_CLIENT_CERT_CONN | PP2_CLIENT_CERT_SESS
        Assert.Equal(0u, header.SslVerify);           // 0: the client certificate was verified
        Assert.Equal("device-7", header.SslCommonName);
    }

    [Fact]
    public async Task ServerHalfCloseReachesTheTcpClientWhileTheClientKeepsSending()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _greetTcpPort);
        await using var stream = new NetworkStream(socket);

        var greeting = await ReadToEndAsync(stream).WaitAsync(TimeSpan.FromSeconds(10));   // ends only at the server's FIN
        await stream.WriteAsync("sent after the server's FIN"u8.ToArray());
        socket.Shutdown(SocketShutdown.Send);

        Assert.Equal(_greetTcp.Greeting, greeting);
        Assert.Equal("sent after the server's FIN"u8.ToArray(), await _greetTcp.Received.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ServerHalfCloseReachesTheTcpSslClientAsCloseNotifyWhileTheClientKeepsSending()
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _greetTlsPort);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "db.example.com", RemoteCertificateValidationCallback = (_, _, _, _) => true });

        var greeting = await ReadToEndAsync(tls).WaitAsync(TimeSpan.FromSeconds(10));   // ends only at the close_notify
        await tls.WriteAsync("sent after the server's close_notify"u8.ToArray());
        await tls.ShutdownAsync();
        tcp.Client.Shutdown(SocketShutdown.Send);

        Assert.Equal(_greetTls.Greeting, greeting);
        Assert.Equal("sent after the server's close_notify"u8.ToArray(), await _greetTls.Received.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ClientResetEndsTheServerConnectionEvenWhenTheServerIsSilent()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _silentPort);
        await socket.SendAsync("hello"u8.ToArray());
        await Task.Delay(200);

        socket.LingerState = new LingerOption(true, 0);
        socket.Close();

        await _silent.Ended.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SilentConnectionIsClosedAfterTheIdleTimeout()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _idle);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync("once"u8.ToArray());
        Assert.Equal(4, await stream.ReadAsync(new byte[4]));
        var clock = Stopwatch.StartNew();

        // The idle connection is aborted (a reset, as cloud load balancers do) or closed; either ends the read.
        var ended = await ReadEndsAsync(stream).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(ended);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(13));
    }

    [Fact]
    public async Task TcpSslWithMutualTlsPipesForAClientOfTheCaAndRefusesOthers()
    {
        var client = _scenario.Pki.IssueClient(_clientRoot, "device-1");

        var accepted = await EchoOverTlsAsync(_mutual, "device.example.com", client.Certificate);
        await Assert.ThrowsAnyAsync<Exception>(() => EchoOverTlsAsync(_mutual, "anonymous.example.com", null));
        var refusal = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "Sni") == "anonymous.example.com");

        Assert.Equal("ping", accepted);
        Assert.Contains("no client certificate", CapturedLogs.Property(refusal, "Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplacedCertificateAppliesToNewTcpSslHandshakesWhileAnOpenPipeKeepsFlowing()
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _tcpSsl);
        await using var open = new SslStream(tcp.GetStream());
        await open.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "db.example.com", RemoteCertificateValidationCallback = (_, _, _, _) => true });
        var before = open.RemoteCertificate!.GetCertHashString();

        var replacement = _scenario.AddCertificate("cert-wild", ["*.example.com"], LeafKey.Rsa(2048));
        var clock = Stopwatch.StartNew();
        string served;
        do
        {
            await Task.Delay(50);
            served = (await Clients.ServerCertificateAsync(_tcpSsl, "db.example.com")).Thumbprint;
        }
        while (served != replacement.Certificate.Thumbprint && clock.Elapsed < TimeSpan.FromSeconds(2));

        Assert.Equal(replacement.Certificate.Thumbprint, served);
        await open.WriteAsync("still"u8.ToArray());
        var buffer = new byte[5];
        await open.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("still"u8.ToArray(), buffer);
        Assert.Equal(before, open.RemoteCertificate!.GetCertHashString());
    }

    /// <summary>Random bytes through the TCPSSL listener (SNI db.example.com) and back: sent, echoed, the server's subject.</summary>
    private async Task<(byte[] Sent, byte[] Echoed, string Subject)> EchoOverTcpSslAsync(int length)
    {
        var payload = RandomBytes(length);
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _tcpSsl);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "db.example.com", RemoteCertificateValidationCallback = (_, _, _, _) => true });

        var reading = ReadExactlyAsync(tls, payload.Length);
        await tls.WriteAsync(payload);
        return (payload, await reading.WaitAsync(TimeSpan.FromSeconds(30)), tls.RemoteCertificate!.Subject);
    }

    private static async Task<bool> ReadEndsAsync(Stream stream)
    {
        try
        {
            return await stream.ReadAsync(new byte[16]) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static async Task<string> EchoOverTlsAsync(int port, string serverName, System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate)
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        await tls.WriteAsync("ping"u8.ToArray());
        var buffer = new byte[4];
        await tls.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    private static ListenerConfig Alpn(string id, int port, string policy) => new()
    {
        ListenerId = id, ListenerProtocol = "TCPSSL", ListenerPort = port, ServerGroupId = "sgp-echo", CertificateIds = ["cert-wild"], AlpnEnabled = true, AlpnPolicy = policy,
    };

    private static ServerGroupConfig TcpGroup(string id, params (int Port, int Weight)[] servers) =>
        TestScenario.Group(id, servers) with { Protocol = "TCP" };

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all);
        return all.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
