using LoadBalancer.Hosting;

namespace LoadBalancer.Listeners;

/// <summary>
/// Set on every connection when it is accepted: the listener it arrived on, in the snapshot that was current then.
/// The connection keeps that snapshot for its whole life, so a reload never changes an open connection.
/// </summary>
internal sealed class ListenerFeature(RuntimeSnapshot snapshot, ListenerRuntime listener)
{
    public RuntimeSnapshot Snapshot { get; } = snapshot;

    public ListenerRuntime Listener { get; } = listener;

    public ConnectionActivity Activity { get; } = new();
}
