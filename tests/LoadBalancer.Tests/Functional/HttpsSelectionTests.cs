using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// The served certificate per connection, seen by real clients (SslStream, openssl s_client) against the real host:
/// a default RSA certificate, RSA and ECC certificates for the same names, and a wildcard.
/// </summary>
public sealed class HttpsSelectionTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _http11Port;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-default", ["default.test"], LeafKey.Rsa(2048));
        _scenario.AddCertificate("cert-rsa", ["www.example.com", "api.example.com"], LeafKey.Rsa(2048), keyFormat: KeyFormat.Traditional);
        _scenario.AddCertificate("cert-ecc", ["www.example.com", "api.example.com"], LeafKey.EcP256);
        _scenario.AddCertificate("cert-wild", ["*.example.com"], LeafKey.EcP384, keyFormat: KeyFormat.Traditional);
        _port = PortAllocator.Next();
        _http11Port = PortAllocator.Next();
        string[] additional = ["cert-rsa", "cert-ecc", "cert-wild"];
        _scenario.Write(_scenario.Config(
            [Group("sgp-web", (backend, 100))],
            Https("lsn-https", _port, "cert-default", additional, "sgp-web"),
            Https("lsn-http11", _http11Port, "cert-default", additional, "sgp-web", http2: false)));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task EcdsaCapableClientGetsTheEccCertificate()
    {
        var certificate = await Clients.ServerCertificateAsync(_port, "www.example.com");

        Assert.Equal("CN=cert-ecc", certificate.Subject);
    }

    [Fact]
    public async Task Tls12ClientOfferingOnlyEcdheRsaSuitesGetsTheRsaCertificate()
    {
        var certificate = await Clients.ServerCertificateAsync(_port, "www.example.com", o =>
        {
            o.EnabledSslProtocols = SslProtocols.Tls12;
            o.CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]);
        });

        Assert.Equal("CN=cert-rsa", certificate.Subject);
    }

    [Fact]
    public async Task NameCoveredOnlyByTheWildcardGetsTheWildcardCertificate()
    {
        var certificate = await Clients.ServerCertificateAsync(_port, "shop.example.com");

        Assert.Equal("CN=cert-wild", certificate.Subject);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("unknown.test")]
    [InlineData("a.b.example.com")]
    public async Task ClientWithoutAMatchingSniGetsTheDefaultCertificate(string? serverName)
    {
        var certificate = await Clients.ServerCertificateAsync(_port, serverName);

        Assert.Equal("CN=cert-default", certificate.Subject);
    }

    [Fact]
    public async Task OpensslVerifiesTheWholeChainAgainstTheRoot()
    {
        var result = await Openssl.ConnectAsync(_port, "www.example.com", "-CAfile", _scenario.RootFile);

        Assert.Contains("Verify return code: 0 (ok)", result.All, StringComparison.Ordinal);
        Assert.Equal("cert-ecc", Openssl.SubjectCommonName(result));
    }

    [Fact]
    public async Task OpensslTls12WithOnlyEcdheRsaGetsTheRsaCertificate()
    {
        var result = await Openssl.ConnectAsync(_port, "www.example.com", "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256", "-CAfile", _scenario.RootFile);

        Assert.Equal("cert-rsa", Openssl.SubjectCommonName(result));
        Assert.Contains("Verify return code: 0 (ok)", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensslSendingAnIpLiteralAsSniGetsTheDefaultCertificate()
    {
        var result = await Openssl.ConnectAsync(_port, "127.0.0.1");

        Assert.Equal("cert-default", Openssl.SubjectCommonName(result));
    }

    [Fact]
    public async Task AlpnOffersHttp2AndHttp11UnlessHttp2IsDisabled()
    {
        var h2 = await Openssl.ConnectAsync(_port, "www.example.com", "-alpn", "h2,http/1.1");
        var http11Only = await Openssl.ConnectAsync(_http11Port, "www.example.com", "-alpn", "h2,http/1.1");
        var h2Refused = await Openssl.ConnectAsync(_http11Port, "www.example.com", "-alpn", "h2");

        Assert.Equal("h2", Openssl.Alpn(h2));
        Assert.Equal("http/1.1", Openssl.Alpn(http11Only));
        Assert.Null(Openssl.Alpn(h2Refused));
    }

    [Fact]
    public async Task HttpClientSpeaksHttp2ThroughTheListener()
    {
        using var client = Clients.Http(_scenario.Root.Certificate);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://www.example.com:{_port}/h2") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Fact]
    public async Task EachHandshakeIsLoggedWithTheChosenCertificateAndWhy()
    {
        await Clients.ServerCertificateAsync(_port, "api.example.com", o => o.ApplicationProtocols = [SslApplicationProtocol.Http2]);

        var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("TLS handshake on", StringComparison.Ordinal)
            && CapturedLogs.Property(e, "Sni") == "api.example.com");

        Assert.Equal("lsn-https", CapturedLogs.Property(line, "ListenerId"));
        Assert.Equal("cert-ecc", CapturedLogs.Property(line, "CertificateId"));
        Assert.Contains("ECC over RSA", CapturedLogs.Property(line, "Criterion"), StringComparison.Ordinal);
        Assert.Equal("TLSv1.2", CapturedLogs.Property(line, "TlsVersion")); // the default policy, tls_cipher_policy_1_0, has no TLS 1.3
        Assert.Equal("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", CapturedLogs.Property(line, "Cipher")); // its first ECDSA suite
        Assert.Equal("h2", CapturedLogs.Property(line, "Alpn"));
        Assert.StartsWith("127.0.0.1:", CapturedLogs.Property(line, "ClientAddress"), StringComparison.Ordinal);
        Assert.True(double.Parse(CapturedLogs.Property(line, "HandshakeMs"), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task ClientHangingUpRightAfterTheHandshakeIsLoggedAsCompleted()
    {
        // openssl s_client with stdin closed sends its Finished and closes at once.
        var result = await Openssl.ConnectAsync(_port, "hangup.example.com");

        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "Sni") == "hangup.example.com");

        Assert.Equal("cert-wild", Openssl.SubjectCommonName(result));
        Assert.Equal(1100, EventId(line));
        Assert.DoesNotContain(_host.Logs.Events, e => CapturedLogs.Property(e, "Sni") == "hangup.example.com" && EventId(e) == 1101);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task ClientResettingBeforeItsClientHelloIsCompleteIsLoggedOnceAndNothingThrows(int bytesSent)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _port);
        var client = socket.LocalEndPoint!.ToString();
        await socket.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03 }.AsMemory(0, bytesSent));
        await Task.Delay(100);
        socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        socket.Close();

        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ClientAddress") == client);
        await Task.Delay(300);

        Assert.Equal(1101, EventId(line));
        Assert.Contains("reset", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public async Task PlainHttpSentToTheTlsPortIsRefusedAndLoggedWithTheReason()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        var read = await stream.ReadAsync(new byte[64]);

        var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.Contains("failed", StringComparison.Ordinal) && CapturedLogs.Property(e, "ListenerId") == "lsn-https");

        Assert.Equal(0, read);
        Assert.Contains("HTTP", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandshakeFailureFromTheClientSideIsLoggedWithOpensslsReason()
    {
        // Only a cipher the server does not offer: the handshake fails on the server with "no shared cipher".
        await Openssl.ConnectAsync(_port, "fail.example.com", "-tls1_2", "-cipher", "AES128-SHA");

        var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.Contains("failed", StringComparison.Ordinal) && CapturedLogs.Property(e, "Sni") == "fail.example.com");

        Assert.Contains("cipher", CapturedLogs.Property(line, "Reason"), StringComparison.OrdinalIgnoreCase);
    }

    private static int EventId(Serilog.Events.LogEvent e) =>
        e.Properties.TryGetValue("EventId", out var value) && value is Serilog.Events.StructureValue id
            ? Convert.ToInt32(((Serilog.Events.ScalarValue)id.Properties.First(p => p.Name == "Id").Value).Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}
