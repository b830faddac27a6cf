using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Listeners;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// A listener with many certificates, SNI over all their names: every handshake gets its own certificate and chain,
/// set inside OpenSSL on one shared OpenSSL context instead of a context built per certificate.
/// </summary>
[Collection(ProcessWideCountCollection.Name)]
public sealed class ManyCertificatesTests : IAsyncLifetime
{
    private const int Count = 100;
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _strictPort;

    public async Task InitializeAsync()
    {
        var backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-default", ["default.test"], LeafKey.Rsa(2048));
        _scenario.AddCertificate("cert-bare", ["bare.many.test"], includeChain: false);
        _scenario.AddCertificate("cert-rsa", ["rsa.many.test"], LeafKey.Rsa(2048));
        var additional = new List<string> { "cert-bare", "cert-rsa" };
        for (var i = 0; i < Count; i++)
        {
            _scenario.AddCertificate($"cert-{i}", [$"host{i}.many.test"]);
            additional.Add($"cert-{i}");
        }

        // An intermediate signed with MD5 (by an RSA root): below the security level of a policy without TLS 1.0/1.1.
        var weakRoot = _scenario.Pki.CreateRoot("Weak Root CA", LeafKey.Rsa(2048));
        var weakIntermediate = _scenario.Pki.CreateIntermediate(weakRoot, "Weak Intermediate CA", md5: true);
        _scenario.AddCertificate("cert-weak-chain", ["weak.many.test"], issuer: weakIntermediate);

        _port = PortAllocator.Next();
        _strictPort = PortAllocator.Next();
        var strict = Https("lsn-strict", _strictPort, "cert-0", ["cert-weak-chain"], "sgp-web") with { SecurityPolicyId = "tls_cipher_policy_1_2_strict_with_1_3" };
        additional.Add("cert-weak-chain");
        var config = _scenario.Config([Group("sgp-web", (backend, 100))], Https("lsn-many", _port, "cert-default", additional, "sgp-web"), strict);
        _scenario.Write(config with { Quotas = new QuotasConfig { AdditionalCertificatesPerLoadBalancer = additional.Count + 1 } });
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task EveryNameGetsItsOwnCertificateAndChainWithoutAnOpenSslContextPerCertificate()
    {
        var contextsBefore = OpenSslPolicyHook.ContextsMade;

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Count; i++)
            {
                var (leaf, sent) = await HandshakeAsync($"host{i}.many.test");
                Assert.Equal($"CN=cert-{i}", leaf);
                Assert.Equal(["CN=Test Intermediate CA"], sent);
            }
        }

        var made = OpenSslPolicyHook.ContextsMade - contextsBefore;
        Assert.True(OpenSslPolicyHook.IsActive, $"the hook switched itself off: {OpenSslPolicyHook.Failure}");
        Assert.True(made < Count / 2, $"{made} OpenSSL contexts were made for {2 * Count} handshakes over {Count} certificates");
    }

    [Fact]
    public async Task ACertificateOpenSslRefusesOnAConnectionFailsThatHandshakeOnlyAndSendsNoPartialChain()
    {
        // tls_cipher_policy_1_2_strict_with_1_3 keeps OpenSSL's security level: the MD5-signed intermediate is refused.
        var refused = await Record.ExceptionAsync(() => HandshakeAsync("weak.many.test", _strictPort));

        Assert.NotNull(refused);
        var line = await _host.Logs.WaitForAsync(e => e.MessageTemplate.Text.Contains("failed", StringComparison.Ordinal)
            && CapturedLogs.Property(e, "Sni") == "weak.many.test");
        Assert.Contains("cert-weak-chain", line.RenderMessage(), StringComparison.Ordinal);
        Assert.Contains("ca md too weak", line.RenderMessage(), StringComparison.Ordinal);
        Assert.True(OpenSslPolicyHook.IsActive, $"the hook switched itself off: {OpenSslPolicyHook.Failure}");

        // The same listener's other certificate, and the weak chain where the policy allows it (TLS 1.0/1.1: level 0).
        var (leaf, sent) = await HandshakeAsync("host0.many.test", _strictPort);
        Assert.Equal("CN=cert-0", leaf);
        Assert.Equal(["CN=Test Intermediate CA"], sent);
        (leaf, sent) = await HandshakeAsync("weak.many.test");
        Assert.Equal("CN=cert-weak-chain", leaf);
        Assert.Equal(["CN=Weak Intermediate CA"], sent);
    }

    [Theory]
    [InlineData("bare.many.test", "CN=cert-bare", new string[0])]
    [InlineData("rsa.many.test", "CN=cert-rsa", new[] { "CN=Test Intermediate CA" })]
    [InlineData("unknown.test", "CN=cert-default", new[] { "CN=Test Intermediate CA" })]
    public async Task ACertificateGetsExactlyItsOwnIntermediates(string serverName, string expectedLeaf, string[] expectedSent)
    {
        // Before and after a handshake with another certificate's chain: nothing carries over between connections.
        _ = await HandshakeAsync("host1.many.test");
        var (leaf, sent) = await HandshakeAsync(serverName);

        Assert.Equal(expectedLeaf, leaf);
        Assert.Equal(expectedSent, sent);
    }

    [Fact]
    public async Task RequestsGoThroughOnCertificatesSetInsideOpenSsl()
    {
        using var client = Clients.Http(_scenario.Root.Certificate);
        foreach (var name in new[] { "host7.many.test", "rsa.many.test" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{name}:{_port}/x") { Version = HttpVersion.Version20 };
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The leaf's subject and the subjects of the other certificates the server sent, in order.</summary>
    private async Task<(string Leaf, string[] Sent)> HandshakeAsync(string serverName, int? port = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port ?? _port);
        string[] sent = [];
        await using var ssl = new SslStream(tcp.GetStream());
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            RemoteCertificateValidationCallback = (_, leaf, chain, _) =>
            {
                // What the server sent, the leaf included: the leaf is left out here.
                sent = [.. chain!.ChainPolicy.ExtraStore.Cast<X509Certificate2>().Where(c => !c.RawData.AsSpan().SequenceEqual(leaf!.GetRawCertData())).Select(c => c.Subject)];
                return true;
            },
        });
        return (ssl.RemoteCertificate!.Subject, sent);
    }
}
