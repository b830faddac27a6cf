using System.Collections.Concurrent;
using System.Diagnostics;

namespace LoadBalancer.Forwarding;

/// <summary>
/// What is known of one backend address across configuration snapshots: requests in flight (for Wlc) and when a
/// connection to it last failed (passive health). A reload that keeps a server keeps this.
/// </summary>
internal sealed class BackendServerState
{
    private static readonly ConcurrentDictionary<string, BackendServerState> ByDestination = new(StringComparer.OrdinalIgnoreCase);
    private static readonly TimeSpan EjectionTime = TimeSpan.FromSeconds(10);
    private int _active;
    private long _failedAt;

    public int ActiveRequests => Volatile.Read(ref _active);

    /// <summary>False for a while after a connection to it failed, so the next requests go elsewhere.</summary>
    public bool IsHealthy
    {
        get
        {
            var failedAt = Volatile.Read(ref _failedAt);
            return failedAt == 0 || Stopwatch.GetElapsedTime(failedAt) > EjectionTime;
        }
    }

    public static BackendServerState For(string destinationPrefix) => ByDestination.GetOrAdd(destinationPrefix, _ => new BackendServerState());

    public void Begin() => Interlocked.Increment(ref _active);

    public void End() => Interlocked.Decrement(ref _active);

    public void ReportConnectFailure() => Volatile.Write(ref _failedAt, Stopwatch.GetTimestamp());

    public void ReportSuccess()
    {
        if (Volatile.Read(ref _failedAt) != 0)
        {
            Volatile.Write(ref _failedAt, 0);
        }
    }
}
