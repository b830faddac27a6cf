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

        _port = PortAllocator.Next();
        var config = _scenario.Config([Group("sgp-web", (backend, 100))], Https("lsn-many", _port, "cert-default", additional, "sgp-web"));
        _scenario.Write(config with { Quotas = new QuotasConfig { AdditionalCertificatesPerLoadBalancer = additional.Count } });
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
    private async Task<(string Leaf, string[] Sent)> HandshakeAsync(string serverName)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
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
