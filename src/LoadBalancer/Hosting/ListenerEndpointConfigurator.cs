using System.Net;
using LoadBalancer.Listeners;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace LoadBalancer.Hosting;

/// <summary>
/// Gives each Kestrel endpoint its connection middleware when Kestrel builds it (at start and at every rebind).
/// HTTPS endpoints: our TLS middleware, then Kestrel's HTTPS middleware (never reached; it marks the endpoint as TLS
/// so Kestrel offers HTTP/2), then a step that captures the HTTP pipeline our middleware continues into.
/// </summary>
internal sealed class ListenerEndpointConfigurator(SnapshotHolder snapshots, ListenerResolver resolver, IdleConnectionReaper idle, ILoggerFactory loggerFactory)
{
    private readonly ILogger _connectionLogger = loggerFactory.CreateLogger("LoadBalancer.Connections");

    public void Configure(ListenOptions options)
    {
        if (options.EndPoint is not IPEndPoint endpoint || !snapshots.Current.ListenersByEndpoint.TryGetValue(endpoint, out var listener))
        {
            return;
        }

        if (listener.Kind == ListenerKind.Http)
        {
            options.Use(next => new HttpListenerMiddleware(next, endpoint, resolver, idle).OnConnectionAsync);
            return;
        }

        var pipeline = new HttpPipelineHolder();
        var tls = new HttpsListenerMiddleware(endpoint, resolver, pipeline, idle, _connectionLogger);
        options.Use(_ => tls.OnConnectionAsync);
        options.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => throw new InvalidOperationException("TLS is terminated by HttpsListenerMiddleware"),
        });
        options.Use(pipeline.Capture);
    }
}
