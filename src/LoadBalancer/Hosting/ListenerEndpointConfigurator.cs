using System.Net;
using LoadBalancer.Forwarding;
using LoadBalancer.Listeners;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace LoadBalancer.Hosting;

/// <summary>
/// Gives each Kestrel endpoint its connection middleware when Kestrel builds it (at start and at every rebind).
/// HTTPS endpoints: our TLS middleware, then Kestrel's HTTPS middleware (never reached; it marks the endpoint as TLS
/// so Kestrel offers HTTP/2), then a step that captures the HTTP pipeline our middleware continues into.
/// </summary>
internal sealed class ListenerEndpointConfigurator(SnapshotHolder snapshots, ListenerResolver resolver, IdleConnectionReaper idle, TcpForwarder tcp, ILoggerFactory loggerFactory)
{
    private readonly ILogger _connectionLogger = loggerFactory.CreateLogger("LoadBalancer.Connections");

    public void Configure(ListenOptions options)
    {
        if (options.EndPoint is not IPEndPoint endpoint || !snapshots.Current.ListenersByEndpoint.TryGetValue(endpoint, out var listener))
        {
            return;
        }

        switch (listener.Kind)
        {
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
                ConfigureHttps(options, endpoint);
                break;
        }
    }

    private void ConfigureHttps(ListenOptions options, IPEndPoint endpoint)
    {
        var pipeline = new HttpPipelineHolder();
        var tls = new TlsListenerMiddleware(endpoint, ListenerKind.Https, resolver, () => pipeline.Next, idle, _connectionLogger);
        options.Use(_ => tls.OnConnectionAsync);
        options.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => throw new InvalidOperationException("TLS is terminated by TlsListenerMiddleware"),
        });
        options.Use(pipeline.Capture);
    }
}
