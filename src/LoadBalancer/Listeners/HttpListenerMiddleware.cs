using System.Net;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>Plain HTTP listeners: pin the listener to the connection, then Kestrel's HTTP/1.1 pipeline.</summary>
internal sealed class HttpListenerMiddleware(ConnectionDelegate next, IPEndPoint endpoint, ListenerResolver resolver, IdleConnectionReaper idle)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var feature = resolver.Attach(connection, endpoint, ListenerKind.Http);
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
