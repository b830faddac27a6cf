using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace LoadBalancer.Listeners.Quic;

/// <summary>
/// Serves a QUIC listener's endpoint in two steps. When msquic has a ClientHello, Kestrel's TLS callback
/// (<see cref="HandshakeOptions"/>) pins the listener of the current snapshot to the connection and chooses the
/// certificate by the listener's rules for the SNI (msquic gives nothing else of the ClientHello), with the TLS
/// options the snapshot made for it. Once the handshake is done and Kestrel accepts the connection, the multiplexed
/// middleware (<see cref="Use"/>) logs the handshake, tracks the connection for the idle timeout, and continues into
/// Kestrel's HTTP/3 server, which runs the same forwarding as HTTPS listeners (its requests see the connection's
/// features, the pinned listener among them).
/// </summary>
internal sealed class QuicListenerMiddleware(IPEndPoint endpoint, ListenerResolver resolver, IdleConnectionReaper idle, ILogger logger)
{
    /// <summary>The same limit as TLS handshakes on TCP (and System.Net.Quic's default).</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public TlsHandshakeCallbackOptions HandshakeOptions => new() { OnConnection = OnClientHelloAsync, HandshakeTimeout = HandshakeTimeout };

    public MultiplexedConnectionDelegate Use(MultiplexedConnectionDelegate next) => connection => OnConnectionAsync(connection, next);

    /// <summary>
    /// Throwing refuses the connection: System.Net.Quic closes it and Kestrel goes on accepting others. That happens
    /// only when a reload removed the listener between the packet and this call, or its certificate cannot be used.
    /// </summary>
    private ValueTask<SslServerAuthenticationOptions> OnClientHelloAsync(TlsHandshakeCallbackContext context)
    {
        var connection = context.Connection;
        var feature = resolver.AttachQuic(connection, endpoint)
            ?? throw new AuthenticationException($"no QUIC listener on {endpoint} any more (a reload removed it)");
        var listener = feature.Listener;
        var selection = listener.SelectForQuic(context.ClientHelloInfo.ServerName);
        var attempt = new QuicHandshakeAttempt(listener, connection.RemoteEndPoint?.ToString() ?? "?", context.ClientHelloInfo.ServerName, selection, HandshakeTimeout, logger);
        connection.Features.Set(attempt);
        try
        {
            var options = listener.ServerOptionsFor(selection.Certificate);
            attempt.WatchForFailure(context.CancellationToken);
            return ValueTask.FromResult(options);
        }
        catch (CryptographicException e)
        {
            attempt.Failed($"the certificate {selection.Certificate.Id} cannot be used: {e.Message}");
            throw new AuthenticationException($"certificate {selection.Certificate.Id} cannot be used", e);
        }
    }

    private async Task OnConnectionAsync(MultiplexedConnectionContext connection, MultiplexedConnectionDelegate next)
    {
        var feature = connection.Features.Get<ListenerFeature>();
        if (feature is null)
        {
            connection.Abort(new ConnectionAbortedException("no listener was pinned to this QUIC connection"));
            return;
        }

        connection.Features.Get<QuicHandshakeAttempt>()?.Completed();
        using (idle.Track(connection, feature))
        {
            await next(connection);
        }
    }
}
