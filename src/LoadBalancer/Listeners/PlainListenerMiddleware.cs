using System.Net;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>
/// Listeners without TLS: pin the listener to the connection, track it for the idle timeout, then continue into
/// Kestrel's HTTP/1.1 pipeline (HTTP) or the TCP forwarder (TCP).
/// </summary>
internal sealed class PlainListenerMiddleware(ConnectionDelegate next, IPEndPoint endpoint, ListenerKind kind, ListenerResolver resolver, IdleConnectionReaper idle)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var feature = resolver.Attach(connection, endpoint, kind);
        if (feature is null)
        {
            return;
        }

        using (idle.Track(connection, feature))
        {
            await next(connection);
        }
    }
}
