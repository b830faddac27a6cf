using System.Net;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// HTTP/3 through a QUIC listener, against the real host: the served certificate per SNI by the HTTPS rules, the same
/// rules, forwarding and headers as HTTPS, and the HTTPS listener on the same port advertising it in Alt-Svc.
/// </summary>
public sealed class QuicListenerTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var web = _scenario.AddDemoBackend("web");
        var api = _scenario.AddDemoBackend("api");
        _scenario.AddCertificate("cert-default", ["default.test"], LeafKey.Rsa(2048));
        _scenario.AddCertificate("cert-rsa", ["www.example.com", "api.example.com"], LeafKey.Rsa(2048));
        _scenario.AddCertificate("cert-ecc", ["www.example.com", "api.example.com"], LeafKey.EcP256);
        _scenario.AddCertificate("cert-wild", ["*.example.com"], LeafKey.EcP384);
        _port = PortAllocator.Next();
        string[] additional = ["cert-rsa", "cert-ecc", "cert-wild"];
        var headers = new XForwardedForConfig { XForwardedForProtoEnabled = true, XForwardedForSLBPortEnabled = true, XForwardedForSLBIdEnabled = true };
        var apiRule = new RuleConfig
        {
            RuleId = "rule-api",
            Priority = 10,
            RuleConditions = [new RuleConditionConfig { Type = "Host", HostConfig = new ValuesConfig { Values = ["api.example.com"] } }],
            RuleActions = Forward("sgp-api"),
        };
        var downRule = apiRule with
        {
            RuleId = "rule-down",
            RuleConditions = [new RuleConditionConfig { Type = "Host", HostConfig = new ValuesConfig { Values = ["down.example.com"] } }],
            RuleActions = Forward("sgp-down"),
        };
        _scenario.Write(_scenario.Config(
            [Group("sgp-web", (web, 100)), Group("sgp-api", (api, 100)), Group("sgp-down", (web, 0))],
            Https("lsn-https", _port, "cert-default", additional, "sgp-web") with
            {
                QuicConfig = new QuicConfig { QuicUpgradeEnabled = true, QuicListenerId = "lsn-quic" },
                Rules = [downRule],
            },
            Quic("lsn-quic", _port, "cert-default", additional, "sgp-web") with { XForwardedForConfig = headers, Rules = [apiRule] }));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [QuicFact]
    public async Task QuicClientGetsTheEccCertificateForItsName()
    {
        var certificate = await Http3Clients.ServerCertificateAsync(_port, "www.example.com");

        Assert.Equal("CN=cert-ecc", certificate.Subject);
    }

    [QuicFact]
    public async Task NameCoveredOnlyByTheWildcardGetsTheWildcardCertificate()
    {
        var certificate = await Http3Clients.ServerCertificateAsync(_port, "shop.example.com");

        Assert.Equal("CN=cert-wild", certificate.Subject);
    }

    [QuicFact]
    public async Task ClientWithoutAMatchingNameGetsTheDefaultCertificate()
    {
        var unknown = await Http3Clients.ServerCertificateAsync(_port, "unknown.test");
        var none = await Http3Clients.ServerCertificateAsync(_port, null);

        Assert.Equal("CN=cert-default", unknown.Subject);
        Assert.Equal("CN=cert-default", none.Subject);
    }

    [QuicFact]
    public async Task Http3RequestIsForwardedWithTheListenersHeaders()
    {
        using var client = Http3Clients.Http(_scenario.Root.Certificate);
        using var request = Http3Clients.Get(_port, "www.example.com", "/h3?x=1");
        request.Headers.Add("X-Forwarded-Proto", "spoofed");

        using var response = await client.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version30, response.Version);
        Assert.Equal("web", echo.Backend);
        Assert.Equal("/h3", echo.Path);
        Assert.Equal($"www.example.com:{_port}", echo.Header("Host"));
        Assert.Equal("https", echo.Header("X-Forwarded-Proto"));
        Assert.Equal(_port.ToString(System.Globalization.CultureInfo.InvariantCulture), echo.Header("X-Forwarded-Port"));
        Assert.Equal("alb-test", echo.Header("SLB-ID"));
        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
    }

    [QuicFact]
    public async Task RulesRouteHttp3RequestsAsOnHttps()
    {
        using var client = Http3Clients.Http(_scenario.Root.Certificate);
        using var request = Http3Clients.Get(_port, "api.example.com", "/users");

        using var response = await client.SendAsync(request);

        Assert.Equal("api", (await EchoReply.ReadAsync(response)).Backend);
    }

    [QuicFact]
    public async Task HandshakeIsLoggedWithTheChosenCertificateAndWhy()
    {
        var (connection, _) = await Http3Clients.ConnectAsync(_port, "api.example.com");
        await using (connection)
        {
            var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("QUIC handshake on", StringComparison.Ordinal)
                && CapturedLogs.Property(e, "Sni") == "api.example.com");

            Assert.Equal("lsn-quic", CapturedLogs.Property(line, "ListenerId"));
            Assert.Equal("cert-ecc", CapturedLogs.Property(line, "CertificateId"));
            Assert.Contains("ECC over RSA", CapturedLogs.Property(line, "Criterion"), StringComparison.Ordinal);
            Assert.Equal(connection.LocalEndPoint.ToString(), CapturedLogs.Property(line, "ClientAddress"));
        }
    }

    [QuicFact]
    public async Task HttpsListenerAdvertisesTheQuicListenerInAltSvc()
    {
        // curl shows the header as sent (HttpClient parses Alt-Svc and keeps only what it uses).
        var result = await ProcessRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-D", "-", "--cacert", _scenario.RootFile,
            "--resolve", $"www.example.com:{_port}:127.0.0.1", $"https://www.example.com:{_port}/"]);

        Assert.Contains("HTTP/2 200", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"alt-svc: h3=\":{_port}\"; ma=86400\r\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [QuicFact]
    public async Task AnswersTheHttpsListenerMakesItselfAdvertiseHttp3Too()
    {
        var result = await ProcessRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-D", "-", "--cacert", _scenario.RootFile,
            "--resolve", $"down.example.com:{_port}:127.0.0.1", $"https://down.example.com:{_port}/"]);

        Assert.Contains("HTTP/2 503", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"alt-svc: h3=\":{_port}\"; ma=86400\r\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [QuicFact]
    public async Task HttpClientAllowedToUpgradeMovesToHttp3()
    {
        using var client = Http3Clients.Http(_scenario.Root.Certificate);
        var versions = new List<Version>();
        for (var i = 0; i < 20 && !versions.Contains(HttpVersion.Version30); i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{_port}/") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher };
            request.Headers.Host = $"www.example.com:{_port}";
            using var response = await client.SendAsync(request);
            versions.Add(response.Version);
            await Task.Delay(50);
        }

        Assert.Equal(HttpVersion.Version20, versions[0]);
        Assert.Contains(HttpVersion.Version30, versions);
    }
}
