using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.ComponentModel;
using System.Security.Authentication;
using System.Security.Cryptography;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Tls.ClientHello;
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

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var feature = resolver.Attach(connection, endpoint, kind);
        if (feature is null)
        {
            return;
        }

        var attempt = new HandshakeAttempt(feature.Listener, connection, logger);
        var directWrites = kind == ListenerKind.TcpSsl ? ClientByteStream.SocketOf(connection) : null;
        var (sslStream, current) = await HandshakeAsync(attempt, connection, feature, directWrites);
        if (sslStream is null)
        {
            return;
        }

        await using (sslStream)
        using (idle.Track(connection, current))
        {
            if (kind == ListenerKind.TcpSsl)
            {
                connection.Features.Set(ClientByteStream.ForTls(sslStream, directWrites));
                await next()(connection);
            }
            else
            {
                await ContinueDecryptedAsync(connection, sslStream);
            }
        }
    }

    /// <summary>
    /// The handshake, bounded by its own time limit only: a client that closes right after its last handshake
    /// message (as <c>openssl s_client &lt;/dev/null</c> does) has still completed it. Every way it can fail (a
    /// reset, a timeout, a TLS alert, a certificate that cannot be used) ends in one log line, never an exception.
    /// </summary>
    private async Task<(SslStream? Stream, ListenerFeature Feature)> HandshakeAsync(HandshakeAttempt attempt, ConnectionContext connection, ListenerFeature feature, Socket? directWrites)
    {
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        SslStream? sslStream = null;
        try
        {
            var hello = await ReadClientHelloAsync(attempt, connection, timeout.Token);
            if (hello is null)
            {
                return (null, feature);
            }

            feature = resolver.Refresh(connection, feature);
            attempt.Listener = feature.Listener;

            var selection = attempt.Listener.Selector!.Select(hello.ServerName, hello.SupportsEcdsa);
            attempt.Selection = selection;
            sslStream = new SslStream(new DuplexPipeStream(connection.Transport, directWrites), leaveInnerStreamOpen: false);
            await sslStream.AuthenticateAsServerAsync(attempt.Listener.ServerOptionsFor(selection.Certificate), timeout.Token);
            SetFeatures(connection, sslStream, hello, selection);
            attempt.Completed(sslStream);
            return (sslStream, feature);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or Win32Exception or CryptographicException or SocketException or ObjectDisposedException)
        {
            if (sslStream is not null)
            {
                await sslStream.DisposeAsync();
            }

            var refusal = sslStream is null ? null : ClientCertificateCheck.RefusalOf(sslStream);
            attempt.Failed(refusal is not null ? $"client certificate refused: {refusal}" : Reason(e, attempt, timeout.IsCancellationRequested));
            return (null, feature);
        }
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
        if (hello.IsTlcp)
        {
            attempt.Failed("the client speaks TLCP (version 0x0101) and this listener has no SM2 certificate");
            return null;
        }

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
    private async Task ContinueDecryptedAsync(ConnectionContext connection, SslStream sslStream)
    {
        var pool = connection.Features.Get<IMemoryPoolFeature>()?.MemoryPool;
        var decrypted = new SslDuplexPipe(sslStream, pool);
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
