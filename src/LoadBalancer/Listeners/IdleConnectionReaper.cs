using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>
/// Closes connections that have had no request in flight for their listener's <c>IdleTimeout</c> (ALB default
/// 15 s). One sweep a second over the open connections, whatever their number. A QUIC connection is tracked whole
/// (its requests are its streams), so closing it ends every stream at once.
/// </summary>
internal sealed class IdleConnectionReaper : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<BaseConnectionContext, ListenerFeature> _open = new();
    private long _opened;

    /// <summary>Connections tracked since the start.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    public IDisposable Track(BaseConnectionContext connection, ListenerFeature feature)
    {
        Interlocked.Increment(ref _opened);
        _open[connection] = feature;
        return new Registration(this, connection);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Sweep(Environment.TickCount64);
        }
    }

    private void Sweep(long now)
    {
        foreach (var (connection, feature) in _open)
        {
            if (feature.Activity.IsIdleFor(feature.Listener.IdleTimeout, now))
            {
                _open.TryRemove(connection, out _);
                connection.Abort(new ConnectionAbortedException($"idle for {feature.Listener.IdleTimeout.TotalSeconds:F0} s (listener {feature.Listener.Id} IdleTimeout)"));
            }
        }
    }

    private sealed class Registration(IdleConnectionReaper reaper, BaseConnectionContext connection) : IDisposable
    {
        public void Dispose() => reaper._open.TryRemove(connection, out _);
    }
}
