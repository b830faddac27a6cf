using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// Clients of a TLS-terminating proxy in front of a TCP echo backend, the same for every proxy: TLS 1.3 with
/// TLS_AES_128_GCM_SHA256 only, no session resumption, the server certificate checked to be the one for the name.
/// </summary>
internal sealed class TcpSslLoad(IPEndPoint endpoint, string name)
{
    private const int ChunkSize = 64 * 1024;

    public sealed record Rate(long Connections, long Failures, TimeSpan Elapsed)
    {
        public double PerSecond => Connections / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Bulk: <paramref name="connections"/> connections at once, each writing <paramref name="bytesEach"/> bytes in
    /// 64 KiB writes while reading the echo back; returns MB/s (10^6 bytes) of payload through the proxy, one way.
    /// </summary>
    public async Task<double> BulkAsync(int connections, long bytesEach, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var streams = new List<(TcpClient Tcp, SslStream Tls)>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                streams.Add(await ConnectAsync(timeout.Token));
            }

            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(streams.Select(s => Task.Run(() => PumpAsync(s.Tls, bytesEach, timeout.Token))));
            var elapsed = Stopwatch.GetElapsedTime(started);
            return connections * bytesEach / elapsed.TotalSeconds / 1e6;
        }
        finally
        {
            foreach (var (tcp, tls) in streams)
            {
                await tls.DisposeAsync();
                tcp.Dispose();
            }
        }
    }

    /// <summary>Connection rate: each client task loops over connect, handshake, 1 KiB written and echoed, close.</summary>
    public async Task<Rate> ConnectionRateAsync(int clients, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => RateLoopAsync(stop.Token))));
        return new Rate(counts.Sum(c => c.Ok), counts.Sum(c => c.Failed), Stopwatch.GetElapsedTime(started));
    }

    private async Task<(long Ok, long Failed)> RateLoopAsync(CancellationToken stop)
    {
        long ok = 0, failed = 0;
        var payload = new byte[1024];
        Random.Shared.NextBytes(payload);
        var echo = new byte[1024];
        while (!stop.IsCancellationRequested)
        {
            // Each exchange is bounded on its own; one under way when the time is up still completes.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                var (tcp, tls) = await ConnectAsync(timeout.Token);
                using (tcp)
                await using (tls)
                {
                    await tls.WriteAsync(payload, timeout.Token);
                    await tls.ReadExactlyAsync(echo, timeout.Token);
                    if (!echo.AsSpan().SequenceEqual(payload))
                    {
                        throw new IOException("the echo differs from what was sent");
                    }
                }

                ok++;
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException)
            {
                failed++;
            }
        }

        return (ok, failed);
    }

    private static async Task PumpAsync(SslStream tls, long total, CancellationToken cancellationToken)
    {
        var send = new byte[ChunkSize];
        Random.Shared.NextBytes(send);
        var writing = Task.Run(async () =>
        {
            for (long sent = 0; sent < total; sent += ChunkSize)
            {
                await tls.WriteAsync(send.AsMemory(0, (int)Math.Min(ChunkSize, total - sent)), cancellationToken);
            }
        }, cancellationToken);
        var receive = new byte[ChunkSize];
        long received = 0;
        while (received < total)
        {
            var read = await tls.ReadAsync(receive, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the proxy closed after {received} of {total} echoed bytes");
            }

            received += read;
        }

        await writing;
    }

    private async Task<(TcpClient, SslStream)> ConnectAsync(CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(endpoint, cancellationToken);
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(Options(), cancellationToken);
                return (tcp, tls);
            }
            catch
            {
                await tls.DisposeAsync();
                throw;
            }
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private SslClientAuthenticationOptions Options() => new()
    {
        TargetHost = name,
        EnabledSslProtocols = SslProtocols.Tls13,
        CipherSuitesPolicy = new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_128_GCM_SHA256]),
        AllowTlsResume = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        // The benchmark CA is not trusted by the machine: accept the certificate issued for the name asked for.
        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is X509Certificate2 leaf && leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false) == name,
    };
}
