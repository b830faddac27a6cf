using System.Net;
using LoadBalancer.Hosting;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>Finds, at accept time, which listener of the current snapshot owns an endpoint, and pins it to the connection.</summary>
internal sealed class ListenerResolver(SnapshotHolder snapshots, ILogger<ListenerResolver> logger)
{
    public ListenerFeature? Attach(ConnectionContext connection, IPEndPoint endpoint, ListenerKind kind)
    {
        var snapshot = snapshots.Current;
        if (!snapshot.ListenersByEndpoint.TryGetValue(endpoint, out var listener) || listener.Kind != kind)
        {
            ConnectionLog.NoListener(logger, endpoint);

            return null;
        }

        var feature = new ListenerFeature(snapshot, listener);
        connection.Features.Set(feature);
        return feature;
    }
}
