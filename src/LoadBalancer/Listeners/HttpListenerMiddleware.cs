using System.Net;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>Plain HTTP listeners: pin the listener to the connection, then Kestrel's HTTP/1.1 pipeline.</summary>
internal sealed class HttpListenerMiddleware(ConnectionDelegate next, IPEndPoint endpoint, ListenerResolver resolver)
{
    public Task OnConnectionAsync(ConnectionContext connection) =>
        resolver.Attach(connection, endpoint, ListenerKind.Http) is null ? Task.CompletedTask : next(connection);
}
