using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates;

public sealed class ServedCertificateHandshakeTests : IDisposable
{
    private readonly CertificateTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LoadedCertificateServesItsChainThroughSslStream(bool rsa)
    {
        var files = _context.WriteLeaf("www", rsa ? LeafKey.Rsa(2048) : LeafKey.EcP256, rsa ? KeyFormat.Traditional : KeyFormat.Pkcs8);
        var certificate = _context.Load(CertificateTestContext.Entry("www", files)).Store.ById["www"];
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var server = ServeOnceAsync(listener, certificate.Context, timeout.Token);
        var (leaf, sent) = await HandshakeAsync(port, timeout.Token);
        await server;

        Assert.Equal(certificate.Leaf.Thumbprint, leaf);
        Assert.Contains(_context.Intermediate.Certificate.Thumbprint, sent);
        Assert.DoesNotContain(_context.Root.Certificate.Thumbprint, sent);
    }

    private static async Task ServeOnceAsync(TcpListener listener, SslStreamCertificateContext context, CancellationToken cancel)
    {
        using var client = await listener.AcceptTcpClientAsync(cancel);
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context }, cancel);
        await tls.WriteAsync(new byte[] { 1 }, cancel);
    }

    /// <summary>Connects, trusting only the test root: the chain validates only if the server sent the intermediate.</summary>
    private async Task<(string Leaf, List<string> Sent)> HandshakeAsync(int port, CancellationToken cancel)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancel);
        var sent = new List<string>();
        string? leaf = null;
        await using var tls = new SslStream(client.GetStream());
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "www.example.com",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                leaf = (certificate as X509Certificate2)?.Thumbprint;
                sent.AddRange(chain!.ChainPolicy.ExtraStore.Select(c => c.Thumbprint));
                return ChainsToRoot((X509Certificate2)certificate!, chain.ChainPolicy.ExtraStore);
            },
        };
        await tls.AuthenticateAsClientAsync(options, cancel);
        var buffer = new byte[1];
        await tls.ReadExactlyAsync(buffer, cancel);
        return (leaf!, sent);
    }

    private bool ChainsToRoot(X509Certificate2 leaf, X509Certificate2Collection sent)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_context.Root.Certificate);
        chain.ChainPolicy.ExtraStore.AddRange(sent);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
