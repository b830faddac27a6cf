using System.Diagnostics;

namespace LoadBalancer.Forwarding;

/// <summary>One server of a group: its address, weight, live request count and passive health.</summary>
internal sealed class BackendServer(string address, int port, int weight, string scheme)
{
    private static readonly TimeSpan EjectionTime = TimeSpan.FromSeconds(10);
    private int _active;
    private long _failedAt;

    public string Address { get; } = address;

    public int Port { get; } = port;

    public int Weight { get; } = weight;

    public string DestinationPrefix { get; } = $"{scheme}://{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port}/";

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

    public void Begin() => Interlocked.Increment(ref _active);

    public void End() => Interlocked.Decrement(ref _active);

    public void ReportConnectFailure() => Volatile.Write(ref _failedAt, Stopwatch.GetTimestamp());

    public void ReportSuccess() => Volatile.Write(ref _failedAt, 0);

    public override string ToString() => $"{Address}:{Port}";
}
