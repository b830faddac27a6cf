using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// Mutual TLS against the real host with real clients: a listener trusting a client root CA (with a CRL), one
/// trusting only a subordinate CA uploaded alone, and one without mutual TLS to switch on live.
/// </summary>
public sealed class MutualTlsTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private TestCertificate _clientRoot = null!;
    private TestCertificate _subordinate = null!;
    private TestCertificate _alice = null!;
    private string _crlFile = null!;
    private string _rootFile = null!;
    private string _subFile = null!;
    private int _backend;
    private int _mtls;
    private int _subOnly;
    private int _plain;

    public async Task InitializeAsync()
    {
        _backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-wild", ["*.example.com"]);
        _clientRoot = _scenario.Pki.CreateRoot("Client Root CA");
        _subordinate = _scenario.Pki.CreateIntermediate(_clientRoot, "Client Issuing CA");
        _alice = _scenario.Pki.IssueClient(_clientRoot, "alice");
        _crlFile = _scenario.Directory.Combine("certs", "client-root.crl");
        // Written once: rewriting them on every edit would set off a reload of its own before the edit's.
        _rootFile = _scenario.Pki.WriteCertificate(_clientRoot, "client-root");
        _subFile = _scenario.Pki.WriteCertificate(_subordinate, "client-sub");
        WriteCrl();
        (_mtls, _subOnly, _plain) = (PortAllocator.Next(), PortAllocator.Next(), PortAllocator.Next());
        _scenario.Write(Config(mtlsOnPlain: false));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task ClientCertificateFromTheListenersCaIsAcceptedAndDescribedToTheBackend()
    {
        using var client = ClientWith(_alice);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://www.example.com:{_mtls}/me");
        request.Headers.Add("X-Forwarded-Clientcert-subjectdn", "CN=mallory");
        request.Headers.Add("X-Forwarded-Clientcert-clientverify", "SUCCESS-trust-me");

        using var response = await client.SendAsync(request);
        var reply = await EchoReply.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CN=alice", reply.Header("X-Forwarded-Clientcert-subjectdn"));
        Assert.Equal("CN=Client Root CA", reply.Header("X-Forwarded-Clientcert-issuerdn"));
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(_alice.Certificate.RawData)), reply.Header("X-Forwarded-Clientcert-fingerprint"));
        Assert.Equal("SUCCESS", reply.Header("X-Forwarded-Clientcert-clientverify"));
    }

    [Fact]
    public async Task AliasesRenameTheHeadersAndClientCopiesOfEveryNameAreDropped()
    {
        var bob = _scenario.Pki.IssueClient(_subordinate, "bob-alias");
        var files = _scenario.Pki.Write(bob, "bob-alias", includeChain: true);

        var result = await Curl(_subOnly, "alias.example.com", files, "-H", "cert-subject: CN=mallory", "-H", "X-Forwarded-Clientcert-subjectdn: CN=mallory",
            "-H", "cert_subject: CN=mallory", "-H", "X_Forwarded_Clientcert_issuerdn: CN=mallory");

        Assert.True(result.ExitCode == 0, result.All);
        var reply = EchoReply.Parse(result.StandardOutput);
        Assert.Equal("CN=bob-alias", reply.Header("cert-subject"));
        Assert.Null(reply.Header("X-Forwarded-Clientcert-subjectdn"));
        Assert.DoesNotContain(reply.Headers, h => h.Value.Contains("mallory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CurlWithACertificateFromTheCaGetsThrough()
    {
        var files = _scenario.Pki.Write(_alice, "alice", includeChain: false);

        var result = await Curl(_mtls, "curl.example.com", files);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("CN=alice", EchoReply.Parse(result.StandardOutput).Header("X-Forwarded-Clientcert-subjectdn"));
    }

    [Theory]
    [InlineData("none", "no client certificate")]
    [InlineData("other", "not issued by")]
    [InlineData("expired", "expired")]
    [InlineData("ca", "CA certificate")]
    [InlineData("serverauth", "clientAuth")]
    [InlineData("revoked", "revoked")]
    public async Task RefusedClientCertificatesFailTheHandshakeAndTheLogSaysWhy(string kind, string reason)
    {
        var serverName = $"{kind}.example.com";
        var files = kind switch
        {
            "none" => null,
            "other" => _scenario.Pki.Write(_scenario.Pki.IssueClient(_scenario.Pki.CreateRoot("Other CA"), "stranger"), kind, includeChain: false),
            "expired" => _scenario.Pki.Write(Client("old", notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1)), kind, includeChain: false),
            "ca" => _scenario.Pki.Write(_subordinate, kind, includeChain: false),
            "serverauth" => _scenario.Pki.Write(Client("server-only", extendedKeyUsages: [TestPki.ServerAuth]), kind, includeChain: false),
            _ => _scenario.Pki.Write(Revoke(Client("revoked-one")), kind, includeChain: false),
        };
        if (kind == "revoked")
        {
            await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("version 2", StringComparison.Ordinal));
        }

        var result = await Curl(_mtls, serverName, files);
        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "Sni") == serverName);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(reason, CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensslWithACertificateOfTheCaCompletesARequestAndOneOfAnotherCaIsRefused()
    {
        var alice = _scenario.Pki.Write(_alice, "alice-openssl", includeChain: false);
        var stranger = _scenario.Pki.Write(_scenario.Pki.IssueClient(_scenario.Pki.CreateRoot("Stranger CA"), "stranger"), "stranger-openssl", includeChain: false);
        const string request = "GET /openssl HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n";

        var accepted = await ProcessRunner.RunAsync("openssl", ["s_client", "-connect", $"127.0.0.1:{_mtls}", "-servername", "openssl-ok.example.com", "-quiet", "-cert", alice.CertificateFile, "-key", alice.PrivateKeyFile], request);
        var refused = await ProcessRunner.RunAsync("openssl", ["s_client", "-connect", $"127.0.0.1:{_mtls}", "-servername", "openssl-no.example.com", "-quiet", "-cert", stranger.CertificateFile, "-key", stranger.PrivateKeyFile], request);
        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "Sni") == "openssl-no.example.com");

        Assert.Contains("\"X-Forwarded-Clientcert-subjectdn\": \"CN=alice\"", accepted.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP/1.1 200", refused.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("chain to CA 'ca-root' refused: not issued by this CA", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensslSeesTheCaNameInTheCertificateRequest()
    {
        var result = await Openssl.ConnectAsync(_mtls, "names.example.com");

        Assert.Contains("Acceptable client certificate CA names", result.All, StringComparison.Ordinal);
        Assert.Contains("CN = Client Root CA", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SubordinateCaUploadedAloneAcceptsTheClientsItIssued(bool clientSendsTheSubordinate)
    {
        var bob = _scenario.Pki.IssueClient(_subordinate, "bob");
        var files = _scenario.Pki.Write(bob, $"bob-{clientSendsTheSubordinate}", includeChain: clientSendsTheSubordinate);

        var accepted = await Curl(_subOnly, "sub.example.com", files);
        var rootIssued = await Curl(_subOnly, "sub-root.example.com", _scenario.Pki.Write(_alice, "alice-sub", includeChain: false));

        Assert.True(accepted.ExitCode == 0, accepted.All);
        Assert.Equal("CN=bob", EchoReply.Parse(accepted.StandardOutput).Header("cert-subject"));
        Assert.NotEqual(0, rootIssued.ExitCode);
    }

    [Fact]
    public async Task TurningMutualTlsOnAppliesToNewHandshakesAndLeavesOpenConnectionsAlone()
    {
        await using var open = await RawHttpsConnection.OpenAsync(_plain, "www.example.com");
        Assert.Equal(200, (await open.GetAsync("/before")).Status);

        _scenario.Write(Config(mtlsOnPlain: true));
        await ReloadedAsync(2);

        Assert.NotEqual(0, (await Curl(_plain, "switch.example.com", null)).ExitCode);
        var refusal = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "Sni") == "switch.example.com" && CapturedLogs.Property(e, "Reason").Length > 0);
        Assert.Contains("no client certificate", CapturedLogs.Property(refusal, "Reason"), StringComparison.Ordinal);
        Assert.Equal(200, (await open.GetAsync("/after")).Status);
        Assert.Equal(0, (await Curl(_plain, "switch-ok.example.com", _scenario.Pki.Write(_alice, "alice-switch", includeChain: false))).ExitCode);

        _scenario.Write(Config(mtlsOnPlain: false));
        await ReloadedAsync(3);

        Assert.Equal(0, (await Curl(_plain, "switch-off.example.com", null)).ExitCode);
        Assert.Equal(200, (await open.GetAsync("/after-off")).Status);
    }

    [Fact]
    public async Task ReplacingTheCaAppliesToNewHandshakesAndLeavesOpenConnectionsAlone()
    {
        var alice = _scenario.Pki.Write(_alice, "alice-replace", includeChain: false);
        var bob = _scenario.Pki.Write(_scenario.Pki.IssueClient(_subordinate, "bob-replace"), "bob-replace", includeChain: true);
        using var client = ClientWith(_alice);
        var url = new Uri($"https://www.example.com:{_mtls}/held");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        _scenario.Write(Config(mtlsOnPlain: false, mtlsCa: "ca-sub"));
        await ReloadedAsync(2);

        Assert.NotEqual(0, (await Curl(_mtls, "replaced.example.com", alice)).ExitCode);
        Assert.Equal(0, (await Curl(_mtls, "replaced-ok.example.com", bob)).ExitCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ConnectionAcceptedBeforeMutualTlsWasTurnedOnIsJudgedByThePolicyAtItsClientHello()
    {
        using var tcp = new System.Net.Sockets.TcpClient(System.Net.Sockets.AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, _plain);
        var client = tcp.Client.LocalEndPoint!.ToString();

        _scenario.Write(Config(mtlsOnPlain: true));
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("version 2", StringComparison.Ordinal));
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream());
        try
        {
            await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = "late.example.com", RemoteCertificateValidationCallback = (_, _, _, _) => true });
            await tls.WriteAsync("GET / HTTP/1.1\r\nHost: late.example.com\r\n\r\n"u8.ToArray());
            _ = await tls.ReadAsync(new byte[256]);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
        }

        var line = await _host.Logs.WaitForAsync(e => CapturedLogs.Property(e, "ClientAddress") == client);

        Assert.Contains("no client certificate", CapturedLogs.Property(line, "Reason"), StringComparison.Ordinal);
    }

    private TestCertificate Client(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, IReadOnlyList<string>? extendedKeyUsages = null) =>
        _scenario.Pki.IssueLeaf(_clientRoot, [], LeafKey.EcP256, notBefore, notAfter, subject: $"CN={name}", extendedKeyUsages: extendedKeyUsages ?? [TestPki.ClientAuth]);

    /// <summary>Writes a new CRL listing the certificate and returns it (the reload follows the file change).</summary>
    private TestCertificate Revoke(TestCertificate certificate)
    {
        WriteCrl(certificate);
        return certificate;
    }

    private void WriteCrl(params TestCertificate[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate.Certificate);
        }

        var crl = builder.Build(_clientRoot.Certificate, System.Numerics.BigInteger.One + revoked.Length, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256);
        File.WriteAllText(_crlFile, PemEncoding.WriteString("X509 CRL", crl));
    }

    private LoadBalancerConfig Config(bool mtlsOnPlain, string mtlsCa = "ca-root")
    {
        var aliases = new XForwardedForConfig
        {
            XForwardedForClientCertSubjectDNEnabled = true,
            XForwardedForClientCertSubjectDNAlias = "cert-subject",
        };
        var allHeaders = new XForwardedForConfig
        {
            XForwardedForClientCertSubjectDNEnabled = true,
            XForwardedForClientCertIssuerDNEnabled = true,
            XForwardedForClientCertFingerprintEnabled = true,
            XForwardedForClientCertClientVerifyEnabled = true,
        };
        return _scenario.Config(
            [Group("sgp-web", (_backend, 100))],
            Https("lsn-mtls", _mtls, "cert-wild", [], "sgp-web") with { CaEnabled = true, CaCertificates = [new() { CertificateId = mtlsCa }], XForwardedForConfig = allHeaders },
            Https("lsn-sub", _subOnly, "cert-wild", [], "sgp-web") with { CaEnabled = true, CaCertificates = [new() { CertificateId = "ca-sub" }], XForwardedForConfig = aliases },
            Https("lsn-plain", _plain, "cert-wild", [], "sgp-web") with { CaEnabled = mtlsOnPlain, CaCertificates = [new() { CertificateId = "ca-root" }] })
            with
            {
                CaCertificates =
                [
                    new CaCertificateConfig { CertificateId = "ca-root", CertificateFile = _scenario.Relative(_rootFile), CrlFile = _scenario.Relative(_crlFile) },
                    new CaCertificateConfig { CertificateId = "ca-sub", CertificateFile = _scenario.Relative(_subFile) },
                ],
            };
    }

    private static HttpClient ClientWith(TestCertificate certificate)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        handler.SslOptions.ClientCertificates = [certificate.Certificate];
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    private Task<ProcessResult> Curl(int port, string serverName, PemPaths? files, params string[] extra)
    {
        List<string> arguments = ["-sS", "--cacert", _scenario.RootFile, "--resolve", $"{serverName}:{port}:127.0.0.1"];
        if (files is not null)
        {
            arguments.AddRange(["--cert", files.CertificateFile, "--key", files.PrivateKeyFile]);
        }

        arguments.AddRange(extra);
        arguments.Add($"https://{serverName}:{port}/");
        return ProcessRunner.RunAsync("curl", arguments);
    }

    /// <summary>
    /// Waits until the host has applied version <paramref name="version"/> of the listener file (its "Reloaded" line is
    /// written after the new snapshot is in place), which must come within 2 s of the write, as before; every handshake
    /// from then on must follow it. A failure says whether the reload was late or a handshake ignored it.
    /// </summary>
    private async Task ReloadedAsync(int version)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains($"(version {version})", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"version {version} of the listener file was applied {clock.Elapsed.TotalSeconds:F2} s after it was written");
    }
}
