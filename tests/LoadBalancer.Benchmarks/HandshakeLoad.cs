using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// Full TLS 1.3 handshakes against one endpoint from a few concurrent clients: a new TCP connection each time, no
/// session resumption, the SNI taken round-robin from the names, the server certificate checked to be the one for
/// that name. No HTTP request is sent; the client closes right after the handshake.
/// </summary>
internal sealed class HandshakeLoad(IPEndPoint endpoint, IReadOnlyList<string> names, X509Certificate2? clientCertificate = null)
{
    private long _next = -1;

    public sealed record Result(long Handshakes, long Failures, TimeSpan Elapsed)
    {
        public double PerSecond => Handshakes / Elapsed.TotalSeconds;
    }

    public async Task<Result> RunAsync(int clients, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientLoopAsync(stop.Token))));
        return new Result(counts.Sum(c => c.Ok), counts.Sum(c => c.Failed), Stopwatch.GetElapsedTime(started));
    }

    /// <summary>One handshake; throws when it fails or the certificate is not the one for the name.</summary>
    public async Task HandshakeAsync(string name, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(endpoint, cancellationToken);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(Options(name), cancellationToken);
    }

    private async Task<(long Ok, long Failed)> ClientLoopAsync(CancellationToken stop)
    {
        long ok = 0, failed = 0;
        while (!stop.IsCancellationRequested)
        {
            var name = names[(int)(Interlocked.Increment(ref _next) % names.Count)];
            try
            {
                // Not cancelled by the stop signal: a handshake under way when the time is up still completes.
                await HandshakeAsync(name, CancellationToken.None);
                ok++;
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
            {
                failed++;
            }
        }

        return (ok, failed);
    }

    private SslClientAuthenticationOptions Options(string name) => new()
    {
        TargetHost = name,
        EnabledSslProtocols = SslProtocols.Tls13,
        AllowTlsResume = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        ApplicationProtocols = [SslApplicationProtocol.Http11],
        ClientCertificates = clientCertificate is null ? null : [clientCertificate],
        // The benchmark CA is not trusted by the machine: accept the certificate issued for the name asked for.
        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is X509Certificate2 leaf && leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false) == name,
    };
}
