using System.Net;
using LoadBalancer.Forwarding;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace LoadBalancer.Hosting;

/// <summary>
/// Gives each Kestrel endpoint its connection middleware when Kestrel builds it (at start and at every rebind).
/// HTTPS endpoints: our TLS middleware, then Kestrel's HTTPS middleware (never reached; it marks the endpoint as TLS
/// so Kestrel offers HTTP/2), then a step that captures the HTTP pipeline our middleware continues into. QUIC
/// endpoints: our TLS callback for msquic, then a multiplexed step before Kestrel's HTTP/3 server (see <see cref="ConfigureTcp"/> for an
/// address and port shared with a TCP listener).
/// </summary>
internal sealed class ListenerEndpointConfigurator(
    SnapshotHolder snapshots, ListenerResolver resolver, IdleConnectionReaper idle, TcpForwarder tcp, ILoggerFactory loggerFactory)
{
    private readonly ILogger _connectionLogger = loggerFactory.CreateLogger("LoadBalancer.Connections");

    public void Configure(ListenOptions options)
    {
        if (options.EndPoint is not IPEndPoint endpoint)
        {
            return;
        }

        var snapshot = snapshots.Current;
        var quic = snapshot.QuicListenersByEndpoint.ContainsKey(endpoint) ? new QuicListenerMiddleware(endpoint, resolver, idle, _connectionLogger) : null;
        if (snapshot.ListenersByEndpoint.TryGetValue(endpoint, out var listener))
        {
            ConfigureTcp(options, endpoint, listener.Kind, quic);
        }
        else if (quic is not null)
        {
            options.UseHttps(quic.HandshakeOptions);
        }

        if (quic is not null)
        {
            ((IMultiplexedConnectionBuilder)options).Use(quic.Use);
        }
    }

    /// <summary>
    /// Kestrel asks for every endpoint's defaults before it applies the endpoint's protocols, so a QUIC listener's
    /// endpoint and a TCP listener's on the same address and port (the usual HTTPS 443 + QUIC 443) look the same here
    /// and get the same configuration: the TCP middleware (built only for the TCP endpoint) and, given a QUIC listener
    /// (<paramref name="quic"/>), its TLS callback and multiplexed step (used only by the HTTP/3 endpoint, which also
    /// needs the endpoint marked as TLS before it is built). Kestrel's HTTPS middleware that comes with the callback is
    /// never reached on TCP: our TLS middleware ends TLS before it, and the other kinds go around it.
    /// </summary>
    private void ConfigureTcp(ListenOptions options, IPEndPoint endpoint, ListenerKind kind, QuicListenerMiddleware? quic)
    {
        switch (kind)
        {
            case ListenerKind.Http when quic is not null:
                ConfigureHttpBesideQuic(options, endpoint, quic);
                break;
            case ListenerKind.Http:
                options.Use(next => new PlainListenerMiddleware(next, endpoint, ListenerKind.Http, resolver, idle).OnConnectionAsync);
                break;
            case ListenerKind.Tcp:
                options.Use(_ => new PlainListenerMiddleware(tcp.ForwardAsync, endpoint, ListenerKind.Tcp, resolver, idle).OnConnectionAsync);
                break;
            case ListenerKind.TcpSsl:
                options.Use(_ => new TlsListenerMiddleware(endpoint, ListenerKind.TcpSsl, resolver, () => tcp.ForwardAsync, idle, _connectionLogger).OnConnectionAsync);
                break;
            default:
                ConfigureHttps(options, endpoint, quic);
                break;
        }

        if (quic is not null && kind is ListenerKind.Tcp or ListenerKind.TcpSsl)
        {
            options.UseHttps(quic.HandshakeOptions);
        }
    }

    private void ConfigureHttps(ListenOptions options, IPEndPoint endpoint, QuicListenerMiddleware? quic)
    {
        var pipeline = new HttpPipelineHolder();
        var tls = new TlsListenerMiddleware(endpoint, ListenerKind.Https, resolver, () => pipeline.Next, idle, _connectionLogger);
        options.Use(_ => tls.OnConnectionAsync);
        options.UseHttps(quic?.HandshakeOptions ?? new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => throw new InvalidOperationException("TLS is terminated by TlsListenerMiddleware"),
        });
        options.Use(pipeline.Capture);
    }

    /// <summary>A plain HTTP listener on a QUIC listener's port: its connections go around the HTTPS middleware the QUIC callback brings.</summary>
    private void ConfigureHttpBesideQuic(ListenOptions options, IPEndPoint endpoint, QuicListenerMiddleware quic)
    {
        var pipeline = new HttpPipelineHolder();
        options.Use(_ => new PlainListenerMiddleware(connection => pipeline.Next(connection), endpoint, ListenerKind.Http, resolver, idle).OnConnectionAsync);
        options.UseHttps(quic.HandshakeOptions);
        options.Use(pipeline.Capture);
    }
}
