namespace LoadBalancer.Hosting;

/// <summary>The current snapshot: read by every new connection, replaced whole by a reload.</summary>
internal sealed class SnapshotHolder(RuntimeSnapshot initial)
{
    private RuntimeSnapshot _current = initial;

    public RuntimeSnapshot Current => Volatile.Read(ref _current);

    public void Replace(RuntimeSnapshot next) => Volatile.Write(ref _current, next);
}
