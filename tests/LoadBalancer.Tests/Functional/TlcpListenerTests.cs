using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// TLCP on HTTPS listeners of the live host: our TLCP client gets the SM2 certificate by the listener's rules and its
/// requests go through the same HTTP/1.1 pipeline and forwarding as TLS ones, on the same port as standard TLS.
/// </summary>
public sealed class TlcpListenerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TestScenario _scenario = new();
    private TlcpTestPki _pki = null!;
    private Sm2IssuedCertificate _wildcardSign = null!;
    private RunningLoadBalancer _host = null!;
    private int _mixed;
    private int _sm2Only;
    private int _eccOnly;
    private int _mutual;
    private int _reload;

    public async Task InitializeAsync()
    {
        _scenario.AddCertificate("cert-ecc", ["www.example.com", "*.example.com"]);
        Directory.CreateDirectory(_scenario.Directory.Combine("certs"));
        _pki = new TlcpTestPki("www.example.com");
        AddSm2("cert-sm2-www", _pki.ServerSign, _pki.ServerEncrypt);
        var now = DateTime.UtcNow;
        var (wildSign, wildEncrypt) = Sm2CertificateFactory.CreateDualLeaf(_pki.Ca, ["*.example.com"], now.AddDays(-1), now.AddYears(1));
        _wildcardSign = wildSign;
        AddSm2("cert-sm2-wild", wildSign, wildEncrypt);
        _scenario.AddDemoBackend("web");
        (_mixed, _sm2Only, _eccOnly, _mutual, _reload) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        var (reloadSign, reloadEncrypt) = Sm2CertificateFactory.CreateDualLeaf(_pki.Ca, ["reload.example.com"], now.AddDays(-1), now.AddYears(1));
        AddSm2("cert-sm2-reload", reloadSign, reloadEncrypt);
        var caFile = _scenario.Directory.Combine("certs", "sm2-client-ca.crt");
        await File.WriteAllTextAsync(caFile, _pki.Ca.CertificatePem);
        var config = _scenario.Config(
            [TestScenario.Group("sgp-web", (_scenario.DemoBackends[0].Port, 100))],
            TestScenario.Https("lsn-mixed", _mixed, "cert-ecc", ["cert-sm2-www", "cert-sm2-wild"], "sgp-web") with
            {
                SecurityPolicyId = "sp-tls-and-tlcp", XForwardedForConfig = new XForwardedForConfig { XForwardedForProtoEnabled = true },
            },
            TestScenario.Https("lsn-sm2-only", _sm2Only, "cert-sm2-www", [], "sgp-web") with { SecurityPolicyId = "sp-tls-and-tlcp" },
            TestScenario.Https("lsn-ecc-only", _eccOnly, "cert-ecc", [], "sgp-web"),
            TestScenario.Https("lsn-sm2-reload", _reload, "cert-sm2-reload", [], "sgp-web") with { SecurityPolicyId = "sp-tls-and-tlcp" },
            TestScenario.Https("lsn-sm2-mutual", _mutual, "cert-sm2-www", ["cert-sm2-wild"], "sgp-web") with
            {
                SecurityPolicyId = "sp-tlcp-all", CaEnabled = true, CaCertificates = [new CertificateReference { CertificateId = "ca-sm2-clients" }],
            });
        _scenario.Write(config with
        {
            CaCertificates = [new CaCertificateConfig { CertificateId = "ca-sm2-clients", CertificateFile = _scenario.Relative(caFile) }],
            SecurityPolicies =
            [
                new SecurityPolicyConfig
                {
                    SecurityPolicyId = "sp-tlcp-all", TLSVersions = ["TLSv1.2"],
                    Ciphers = ["ECDHE-SM2-SM4-GCM-SM3", "ECDHE-SM2-SM4-CBC-SM3", "ECC-SM2-SM4-GCM-SM3", "ECC-SM2-SM4-CBC-SM3"],
                },
                new SecurityPolicyConfig
                {
                    SecurityPolicyId = "sp-tls-and-tlcp", TLSVersions = ["TLSv1.2", "TLSv1.3"],
                    Ciphers = ["ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256", "ECC-SM2-SM4-GCM-SM3", "ECC-SM2-WITH-SM4-SM3"],
                },
            ],
        });
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Theory]
    [InlineData(TlcpCipherSuite.EccSm4CbcSm3)]
    [InlineData(TlcpCipherSuite.EccSm4GcmSm3)]
    public async Task TlcpClientGetsTheSm2CertificateAndItsRequestReachesTheBackendWhileTlsClientsShareThePort(TlcpCipherSuite suite)
    {
        var (client, reply) = await RequestOverTlcpAsync(_mixed, "www.example.com", suite, "/over-tlcp");
        var tls = await Clients.ServerCertificateAsync(_mixed, "www.example.com");
        var (again, _) = await RequestOverTlcpAsync(_mixed, "www.example.com", suite, "/again");

        Assert.Equal(suite, client.Suite);
        Assert.Equal(_pki.ServerSign.Certificate, client.ServerSignCertificate);
        Assert.Equal("/over-tlcp", reply.Path);
        Assert.Equal("https", reply.Header("X-Forwarded-Proto"));
        Assert.Equal("CN=cert-ecc", tls.Subject);
        Assert.Equal(suite, again.Suite);
        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "TlsVersion") == "TLCP" && CapturedLogs.Property(e, "Cipher") == TlcpCipherSuites.Name(suite));
        Assert.Equal("cert-sm2-www", CapturedLogs.Property(line, "CertificateId"));
    }

    [Theory]
    [InlineData(TlcpCipherSuite.EcdheSm4CbcSm3)]
    [InlineData(TlcpCipherSuite.EcdheSm4GcmSm3)]
    [InlineData(TlcpCipherSuite.EccSm4CbcSm3)]
    [InlineData(TlcpCipherSuite.EccSm4GcmSm3)]
    public async Task MutualTlcpWithAnSm2CaServesEverySuiteToAClientWithSignAndEncryptionCertificates(TlcpCipherSuite suite)
    {
        var (client, reply) = await RequestOverTlcpAsync(_mutual, "www.example.com", suite, "/mutual", withClientCertificates: true);

        Assert.Equal(suite, client.Suite);
        Assert.Equal("/mutual", reply.Path);
        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ListenerId") == "lsn-sm2-mutual" && CapturedLogs.Property(e, "Cipher") == TlcpCipherSuites.Name(suite));
        Assert.Contains("TLCP Test Client", CapturedLogs.Property(line, "ClientCertificate"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TlcpCipherSuite.EcdheSm4GcmSm3)]
    [InlineData(TlcpCipherSuite.EccSm4GcmSm3)]
    public async Task MutualTlcpRefusesAClientWithoutCertificates(TlcpCipherSuite suite)
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _mutual);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), Options("www.example.com", suite)).WaitAsync(Timeout);
            await client.SendAsync("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
            _ = await client.ReceiveAsync().WaitAsync(Timeout) ?? throw new EndOfStreamException("closed");
        });
        tcp.Close();   // our client may stop before sending its flight when it has no certificate for the suite
        await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ListenerId") == "lsn-sm2-mutual" && CapturedLogs.Property(e, "Reason") is not null);
    }

    [Fact]
    public async Task ReplacedSm2CertificateAppliesToNewTlcpHandshakesWhileAnOpenTlcpConnectionKeepsAnswering()
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _reload);
        await using var open = await TlcpTestClient.ConnectAsync(tcp.GetStream(), Options("reload.example.com", TlcpCipherSuite.EccSm4GcmSm3)).WaitAsync(Timeout);
        var before = open.ServerSignCertificate;

        var now = DateTime.UtcNow;
        var (sign, encrypt) = Sm2CertificateFactory.CreateDualLeaf(_pki.Ca, ["reload.example.com"], now.AddDays(-1), now.AddYears(2));
        _scenario.Certificates.RemoveAll(c => c.CertificateId == "cert-sm2-reload");
        AddSm2("cert-sm2-reload", sign, encrypt);   // rewrites the four files in place
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Org.BouncyCastle.X509.X509Certificate? served;
        do
        {
            await Task.Delay(100);
            (var client, _) = await RequestOverTlcpAsync(_reload, "reload.example.com", TlcpCipherSuite.EccSm4GcmSm3, "/");
            served = client.ServerSignCertificate;
        }
        while (!sign.Certificate.Equals(served) && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(sign.Certificate, served);
        await open.SendAsync("GET /still HTTP/1.1\r\nHost: reload.example.com\r\nConnection: close\r\n\r\n");
        var response = Encoding.UTF8.GetString(await open.ReceiveAllAsync().WaitAsync(Timeout));
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Equal(before, open.ServerSignCertificate);
    }

    [Fact]
    public async Task Sm2CertificateIsChosenByTheSameRulesExactOverWildcardAndTheSm2DefaultWithoutSni()
    {
        var (wildcard, _) = await RequestOverTlcpAsync(_mixed, "api.example.com", TlcpCipherSuite.EccSm4GcmSm3, "/");
        var (noSni, _) = await RequestOverTlcpAsync(_mixed, null, TlcpCipherSuite.EccSm4GcmSm3, "/");

        Assert.Equal(_wildcardSign.Certificate, wildcard.ServerSignCertificate);
        Assert.Equal(_pki.ServerSign.Certificate, noSni.ServerSignCertificate);   // the listener's first SM2 certificate
    }

    [Fact]
    public async Task TlcpClientOnAListenerWithoutSm2GetsAHandshakeFailureAlertAndALogLine()
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _eccOnly);

        var refused = await Assert.ThrowsAsync<TlcpException>(() => TlcpTestClient.ConnectAsync(tcp.GetStream(), Options("www.example.com", TlcpCipherSuite.EccSm4CbcSm3)).WaitAsync(Timeout));

        Assert.Equal(TlcpAlert.HandshakeFailure, refused.Alert);
        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ListenerId") == "lsn-ecc-only" && CapturedLogs.Property(e, "Reason") is not null);
        Assert.Contains("speaks TLCP", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsClientOnAListenerWithOnlySm2GetsAHandshakeFailureAndALogLine()
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _sm2Only);
        await using var tls = new SslStream(tcp.GetStream());

        await Assert.ThrowsAnyAsync<AuthenticationException>(() => tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "www.example.com", RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }).WaitAsync(Timeout));

        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ListenerId") == "lsn-sm2-only" && CapturedLogs.Property(e, "Reason") is not null);
        Assert.Contains("only SM2 certificates", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensslGetsTheEccCertificateOnTheMixedListener()
    {
        var result = await Openssl.ConnectAsync(_mixed, "www.example.com", "-CAfile", _scenario.RootFile);

        Assert.Contains("Verify return code: 0 (ok)", result.All, StringComparison.Ordinal);
        Assert.Equal("cert-ecc", Openssl.SubjectCommonName(result));
    }

    private async Task<(TlcpTestClient Client, EchoReply Reply)> RequestOverTlcpAsync(int port, string? serverName, TlcpCipherSuite suite, string path, bool withClientCertificates = false)
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var options = Options(serverName, suite);
        options = withClientCertificates ? options with { SignCertificate = _pki.ClientSign, EncryptionCertificate = _pki.ClientEncrypt } : options;
        var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), options).WaitAsync(Timeout);
        await using (client)
        {
            await client.SendAsync($"GET {path} HTTP/1.1\r\nHost: {serverName ?? "localhost"}\r\nConnection: close\r\n\r\n");
            var response = Encoding.UTF8.GetString(await client.ReceiveAllAsync().WaitAsync(Timeout));
            Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
            return (client, EchoReply.Parse(Body(response)));
        }
    }

    private TlcpClientOptions Options(string? serverName, TlcpCipherSuite suite) => new()
    {
        CipherSuites = [suite],
        ServerName = serverName,
        TrustedCa = _pki.Ca.Certificate,
    };

    /// <summary>The body of a whole HTTP/1.1 response, chunked or not.</summary>
    private static string Body(string response)
    {
        var (head, body) = (response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)], response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        if (!head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var text = new StringBuilder();
        while (true)
        {
            var line = body.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(body[..line].Split(';')[0], 16);
            if (size == 0)
            {
                return text.ToString();
            }

            text.Append(body.AsSpan(line + 2, size));
            body = body[(line + 2 + size + 2)..];
        }
    }

    private void AddSm2(string id, Sm2IssuedCertificate sign, Sm2IssuedCertificate encrypt)
    {
        var folder = _scenario.Directory.Combine("certs");
        string Write(string name, string text)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return _scenario.Relative(path);
        }

        var chain = _pki.Ca.CertificatePem;
        _scenario.Certificates.Add(new CertificateConfig
        {
            CertificateId = id,
            SignCertificateFile = Write($"{id}-sign.crt", sign.CertificatePem + chain),
            SignPrivateKeyFile = Write($"{id}-sign.key", sign.PrivateKeyPem),
            EncryptCertificateFile = Write($"{id}-enc.crt", encrypt.CertificatePem + chain),
            EncryptPrivateKeyFile = Write($"{id}-enc.key", encrypt.PrivateKeyPem),
        });
    }
}
