using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.ComponentModel;
using System.Security.Authentication;
using System.Security.Cryptography;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Tls.ClientHello;
using LoadBalancer.Tlcp;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LoadBalancer.Listeners;

/// <summary>
/// Ends TLS on an HTTPS or TCPSSL listener: peeks the ClientHello, chooses the certificate from the snapshot,
/// runs the handshake on <see cref="SslStream"/> (with the client-certificate check under mutual TLS), logs one
/// line, then hands the decrypted connection on: to Kestrel's HTTP pipeline (HTTPS; Kestrel's own HTTPS middleware
/// sits behind this one only so that Kestrel treats the endpoint as TLS, HTTP/2 by ALPN, and is never reached) or
/// to the TCP forwarder (TCPSSL, as a <see cref="ClientByteStream"/> whose writes go straight to the socket).
/// </summary>
internal sealed class TlsListenerMiddleware(IPEndPoint endpoint, ListenerKind kind, ListenerResolver resolver, Func<ConnectionDelegate> next, IdleConnectionReaper idle, ILogger logger)
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A fatal handshake_failure (40) alert record: TLS (record version 3.1, as before a version is agreed) and TLCP.</summary>
    private static readonly byte[] TlsHandshakeFailureAlert = [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28];
    private static readonly byte[] TlcpHandshakeFailureAlert = [0x15, 0x01, 0x01, 0x00, 0x02, 0x02, 0x28];

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var feature = resolver.Attach(connection, endpoint, kind);
        if (feature is null)
        {
            return;
        }

        var attempt = new HandshakeAttempt(feature.Listener, connection, logger);
        var directWrites = kind == ListenerKind.TcpSsl ? ClientByteStream.SocketOf(connection) : null;
        var (decrypted, current) = await HandshakeAsync(attempt, connection, feature, directWrites);
        if (decrypted is null)
        {
            return;
        }

        await using (decrypted)
        using (idle.Track(connection, current))
        {
            if (kind == ListenerKind.TcpSsl)
            {
                connection.Features.Set(ClientByteStream.ForTls((SslStream)decrypted, directWrites));
                await next()(connection);
            }
            else
            {
                await ContinueDecryptedAsync(connection, decrypted);
            }
        }
    }

    /// <summary>
    /// The handshake, bounded by its own time limit only: a client that closes right after its last handshake
    /// message (as <c>openssl s_client &lt;/dev/null</c> does) has still completed it. A TLCP ClientHello (version
    /// 0x0101) goes to our TLCP server with the listener's SM2 certificates, any other to SslStream with its RSA/ECC
    /// ones. Every way it can fail (a reset, a timeout, an alert, a certificate that cannot be used, a protocol the
    /// listener has no certificate for) ends in one log line, never an exception.
    /// </summary>
    private async Task<(Stream? Stream, ListenerFeature Feature)> HandshakeAsync(HandshakeAttempt attempt, ConnectionContext connection, ListenerFeature feature, Socket? directWrites)
    {
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        Stream? stream = null;
        try
        {
            var hello = await ReadClientHelloAsync(attempt, connection, timeout.Token);
            if (hello is null)
            {
                return (null, feature);
            }

            feature = resolver.Refresh(connection, feature);
            attempt.Listener = feature.Listener;
            if (hello.IsTlcp)
            {
                var tlcp = await TlcpHandshakeAsync(attempt, connection, hello, s => stream = s, timeout.Token);
                return (tlcp, feature);
            }

            if (attempt.Listener.Selector is null)
            {
                await RefuseAsync(connection, attempt, TlsHandshakeFailureAlert, "the client speaks standard TLS and this listener has only SM2 certificates (for TLCP clients)");
                return (null, feature);
            }

            var selection = attempt.Listener.Select(hello);
            attempt.Selection = selection;
            var sslStream = new SslStream(new DuplexPipeStream(connection.Transport, directWrites), leaveInnerStreamOpen: false);
            stream = sslStream;
            await AuthenticateAsync(sslStream, attempt.Listener, selection, hello, timeout.Token);
            SetFeatures(connection, sslStream, hello, selection);
            attempt.Completed(sslStream);
            return (sslStream, feature);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or Win32Exception or CryptographicException or SocketException or ObjectDisposedException)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }

            var refusal = stream is SslStream ssl ? ClientCertificateCheck.RefusalOf(ssl) : null;
            attempt.Failed(refusal is not null ? $"client certificate refused: {refusal}" : Reason(e, attempt, timeout.IsCancellationRequested));
            return (null, feature);
        }
    }

    /// <summary>
    /// The TLS handshake with the listener's policy and the selected certificate: set inside OpenSSL on this connection
    /// while <see cref="OpenSslPolicyHook"/> is active (one cached OpenSSL context for all), by .NET otherwise. A
    /// handshake the hook missed is refused and the hook switched off, so no handshake runs without its policy or
    /// with another certificate.
    /// </summary>
    private async Task AuthenticateAsync(SslStream stream, ListenerRuntime listener, CertificateSelection selection, ClientHelloInfo hello, CancellationToken cancellationToken)
    {
        var (options, inOpenSsl) = listener.HandshakeTlsFor(selection.Certificate, hello);
        if (inOpenSsl is null)
        {
            await stream.AuthenticateAsServerAsync(options, cancellationToken);
            return;
        }

        var (handshake, applied, certificateError) = OpenSslPolicyHook.Run(listener.PolicyOptions!.Native, inOpenSsl, () => stream.AuthenticateAsServerAsync(options, cancellationToken));
        if (certificateError is not null)
        {
            // The connection has no certificate, so the handshake fails; the reason is OpenSSL's refusal.
            await handshake.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw new AuthenticationException($"OpenSSL refused certificate {selection.Certificate.Id} on this connection: {certificateError}");
        }

        await handshake;
        if (!applied)
        {
            if (OpenSslPolicyHook.Disable("a handshake reached OpenSSL without its security policy or certificate"))
            {
                ConnectionLog.PoliciesThroughDotNet(logger, OpenSslPolicyHook.Failure!);
            }

            throw new AuthenticationException("the security policy and certificate could not be set inside OpenSSL on this handshake; later handshakes leave them to .NET (slower)");
        }
    }

    /// <summary>
    /// TLCP on an HTTPS listener: the SM2 certificate by the listener's rules, the SM suites of its policy; the
    /// decrypted connection then runs the same HTTP/1.1 pipeline as TLS ones. Null when refused (logged).
    /// </summary>
    private static async Task<Stream?> TlcpHandshakeAsync(HandshakeAttempt attempt, ConnectionContext connection, ClientHelloInfo hello, Action<Stream> started, CancellationToken cancellationToken)
    {
        var tlcp = attempt.Listener.Tlcp;
        if (tlcp is null)
        {
            await RefuseAsync(connection, attempt, TlcpHandshakeFailureAlert, "the client speaks TLCP (version 0x0101) and this listener has no SM2 certificate");
            return null;
        }

        var (certificate, criterion) = tlcp.Selector.Select(hello.ServerName);
        attempt.CertificateId = certificate.Id;
        var stream = new TlcpServerStream(new DuplexPipeStream(connection.Transport), leaveInnerStreamOpen: false);
        started(stream);
        var info = await stream.AuthenticateAsServerAsync(tlcp.OptionsFor(certificate), cancellationToken);
        var features = new TlcpConnectionFeatures(info, hello.ServerName);
        connection.Features.Set<ITlsConnectionFeature>(features);
        connection.Features.Set<ITlsHandshakeFeature>(features);
        connection.Features.Set<ITlsApplicationProtocolFeature>(features);
        attempt.CompletedTlcp(info, criterion);
        return stream;
    }

    /// <summary>A fatal handshake_failure alert in the client's protocol, then the log line; the connection closes.</summary>
    private static async Task RefuseAsync(ConnectionContext connection, HandshakeAttempt attempt, byte[] alert, string reason)
    {
        try
        {
            await connection.Transport.Output.WriteAsync(alert);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The client is gone; the log line still says why it was refused.
        }

        attempt.Failed(reason);
    }

    private static async Task<ClientHelloInfo?> ReadClientHelloAsync(HandshakeAttempt attempt, ConnectionContext connection, CancellationToken cancellationToken)
    {
        var (status, hello, error) = await ClientHelloPeek.ReadAsync(connection.Transport.Input, cancellationToken);
        if (status != ClientHelloStatus.Complete || hello is null)
        {
            attempt.Failed(error ?? status.ToString());
            return null;
        }

        attempt.Hello = hello;
        return hello;
    }

    private static void SetFeatures(ConnectionContext connection, SslStream sslStream, ClientHelloInfo hello, CertificateSelection selection)
    {
        var tls = new TlsConnectionFeatures(sslStream, hello.ServerName);
        connection.Features.Set<ITlsConnectionFeature>(tls);
        connection.Features.Set<ITlsHandshakeFeature>(tls);
        connection.Features.Set<ITlsApplicationProtocolFeature>(tls);
        connection.Features.Set<ISslStreamFeature>(tls);
        connection.Features.Set(new HandshakeFeature(hello, selection));
    }

    private static string Reason(Exception e, HandshakeAttempt attempt, bool timedOut) => e switch
    {
        _ when timedOut => attempt.Hello is null
            ? $"no complete ClientHello within {HandshakeTimeout.TotalSeconds:F0} s"
            : $"handshake not finished within {HandshakeTimeout.TotalSeconds:F0} s",
        ConnectionResetException or ConnectionAbortedException => attempt.Hello is null
            ? "the client reset the connection before its ClientHello was complete"
            : "the client reset the connection during the handshake",
        CryptographicException => $"the certificate {attempt.Selection?.Certificate.Id} cannot be used: {e.Message}",
        _ => Describe(e),
    };

    /// <summary>HTTPS: the decrypted connection as the transport Kestrel's HTTP pipeline reads and writes.</summary>
    private async Task ContinueDecryptedAsync(ConnectionContext connection, Stream decryptedStream)
    {
        var pool = connection.Features.Get<IMemoryPoolFeature>()?.MemoryPool;
        var http2 = decryptedStream is SslStream { NegotiatedApplicationProtocol: var alpn } && alpn == SslApplicationProtocol.Http2;
        var decrypted = new DecryptedDuplexPipe(decryptedStream, pool, coalesceWrites: http2);
        var transport = connection.Transport;
        connection.Transport = decrypted;
        try
        {
            await next()(connection);
        }
        finally
        {
            await decrypted.CompleteAsync();
            connection.Transport = transport;
        }
    }

    /// <summary>The innermost messages of a handshake exception, e.g. "...: error:0A0000C1:SSL routines::no shared cipher".</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!e.Message.Contains("see inner exception", StringComparison.OrdinalIgnoreCase))
            {
                messages.Add(e.Message);
            }
        }

        return messages.Count == 0 ? exception.GetType().Name : string.Join(": ", messages.Distinct());
    }
}
