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

    /// <summary>
    /// A QUIC connection whose ClientHello msquic has just handed over: the QUIC listener on that UDP endpoint in the
    /// current snapshot, pinned to the connection for its whole life (its handshake and its requests).
    /// </summary>
    public ListenerFeature? AttachQuic(BaseConnectionContext connection, IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var snapshot = snapshots.Current;
        if (!snapshot.QuicListenersByEndpoint.TryGetValue(endpoint, out var listener))
        {
            ConnectionLog.NoListener(logger, endpoint);
            return null;
        }

        var feature = new ListenerFeature(snapshot, listener);
        connection.Features.Set(feature);
        return feature;
    }

    /// <summary>
    /// The same listener in the snapshot current now (the ClientHello may come seconds after the accept, and a
    /// reload in between must decide this handshake); unchanged when the listener is gone or changed kind.
    /// </summary>
    public ListenerFeature Refresh(ConnectionContext connection, ListenerFeature feature)
    {
        var snapshot = snapshots.Current;
        if (ReferenceEquals(snapshot, feature.Snapshot)
            || !snapshot.Listeners.TryGetValue(feature.Listener.Id, out var listener)
            || listener.Kind != feature.Listener.Kind
            || !listener.Endpoint.Equals(feature.Listener.Endpoint))
        {
            return feature;
        }

        var refreshed = new ListenerFeature(snapshot, listener);
        connection.Features.Set(refreshed);
        return refreshed;
    }
}
