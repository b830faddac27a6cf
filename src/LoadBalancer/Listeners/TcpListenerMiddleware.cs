using System.Net;
using LoadBalancer.Forwarding;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>NLB TCP listeners: pin the listener to the connection, then pipe it to its TCP server group.</summary>
internal sealed class TcpListenerMiddleware(IPEndPoint endpoint, ListenerResolver resolver, TcpForwarder forwarder, IdleConnectionReaper idle)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var feature = resolver.Attach(connection, endpoint, ListenerKind.Tcp);
        if (feature is null)
        {
            return;
        }

        using (idle.Track(connection, feature))
        {
            await forwarder.ForwardAsync(connection);
        }
    }
}
