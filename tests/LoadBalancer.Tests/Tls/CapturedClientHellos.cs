namespace LoadBalancer.Tests.Tls;

/// <summary>Real ClientHellos of .NET and openssl clients, captured once per test class.</summary>
public sealed class CapturedClientHellos : IAsyncLifetime
{
    public byte[] DotNet { get; private set; } = [];

    public byte[] Openssl { get; private set; } = [];

    public byte[] OpensslTls12EcdheRsa { get; private set; } = [];

    public byte[] OpensslTls13 { get; private set; } = [];

    public byte[] OpensslNoServerName { get; private set; } = [];

    public IEnumerable<byte[]> All => [DotNet, Openssl, OpensslTls12EcdheRsa, OpensslTls13, OpensslNoServerName];

    public async Task InitializeAsync()
    {
        var dotNet = ClientHelloCapture.FromSslStreamAsync("www.example.com", "h2", "http/1.1");
        var openssl = ClientHelloCapture.FromOpensslAsync("-servername", "a.example.com", "-alpn", "h2,http/1.1");
        var tls12 = ClientHelloCapture.FromOpensslAsync(
            "-servername", "b.example.com", "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256");
        var tls13 = ClientHelloCapture.FromOpensslAsync("-servername", "c.example.com", "-tls1_3");
        var noName = ClientHelloCapture.FromOpensslAsync("-noservername");
        await Task.WhenAll(dotNet, openssl, tls12, tls13, noName);
        (DotNet, Openssl, OpensslTls12EcdheRsa, OpensslTls13, OpensslNoServerName) =
            (dotNet.Result, openssl.Result, tls12.Result, tls13.Result, noName.Result);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
